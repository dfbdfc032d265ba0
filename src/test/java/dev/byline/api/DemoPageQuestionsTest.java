package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;

/** {@link DemoPageQuestionsContract} on the embedded index. */
@QuarkusTest
class DemoPageQuestionsTest extends DemoPageQuestionsContract {
}
