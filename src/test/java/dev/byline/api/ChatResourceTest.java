package dev.byline.api;

import dev.byline.answer.ConversationStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The chat contract ({@link ChatContract}) on the embedded index, reading the conversation store beside the streams. */
@QuarkusTest
class ChatResourceTest extends ChatContract {

    @Inject
    ConversationStore conversations;

    @Override
    protected void assertStoredTurns(String conversationId, String... questions) {
        AskAssertions.assertStoredTurns(conversations, conversationId, questions);
    }
}
