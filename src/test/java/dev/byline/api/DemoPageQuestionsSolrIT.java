package dev.byline.api;

import dev.byline.testsupport.SolrCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DemoPageQuestionsContract} against the packaged Byline on a SolrCloud collection. */
@QuarkusIntegrationTest
@WithTestResource(SolrCloudResource.class)
class DemoPageQuestionsSolrIT extends DemoPageQuestionsContract {
}
