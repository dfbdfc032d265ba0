package dev.byline.api;

import dev.byline.testsupport.SolrCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The search contract ({@link SearchContract}) against the packaged Byline on a SolrCloud collection. */
@QuarkusIntegrationTest
@WithTestResource(SolrCloudResource.class)
class SearchResourceSolrIT extends SearchContract {
}
