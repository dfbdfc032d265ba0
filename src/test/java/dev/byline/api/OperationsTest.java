package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;

/** The operations contract ({@link OperationsContract}) on the embedded index. */
@QuarkusTest
class OperationsTest extends OperationsContract {
}
