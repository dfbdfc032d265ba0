package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;

/** {@link RecencyAskContract} on the embedded index. */
@QuarkusTest
class RecencyAskTest extends RecencyAskContract {
}
