package dev.byline.api;

import dev.byline.answer.ConversationStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The ask contract ({@link AskContract}) on the embedded index, reading the conversation store beside the HTTP answers. */
@QuarkusTest
class AskResourceTest extends AskContract {

    @Inject
    ConversationStore conversations;

    @Override
    protected void assertStoredTurns(String conversationId, String... questions) {
        AskAssertions.assertStoredTurns(conversations, conversationId, questions);
    }
}
