package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;

/** The search contract ({@link SearchContract}) on the embedded index. */
@QuarkusTest
class SearchResourceTest extends SearchContract {
}
