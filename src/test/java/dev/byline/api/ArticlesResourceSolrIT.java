package dev.byline.api;

import dev.byline.testsupport.SolrCloudResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The articles contract ({@link ArticlesContract}) against the packaged Byline on a SolrCloud collection. */
@QuarkusIntegrationTest
@WithTestResource(SolrCloudResource.class)
class ArticlesResourceSolrIT extends ArticlesContract {
}
