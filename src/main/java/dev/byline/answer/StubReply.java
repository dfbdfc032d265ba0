package dev.byline.answer;

import java.time.Duration;

/**
 * One scripted reply of {@link StubChatModel}.
 *
 * @param text      what the model writes (null: the unscripted default)
 * @param delay     how long it thinks before the first word
 * @param failure   thrown instead of answering, or (with {@code failAfterText}) after streaming the text
 * @param chunkSize characters per streamed delta; 0 streams word by word
 */
public record StubReply(String text, Duration delay, RuntimeException failure, boolean failAfterText, int chunkSize) {

    public static StubReply text(String text) {
        return new StubReply(text, Duration.ZERO, null, false, 0);
    }

    public static StubReply usual() {
        return text(null);
    }

    public static StubReply failure(RuntimeException failure) {
        return new StubReply(null, Duration.ZERO, failure, false, 0);
    }

    /** Streams {@code partial}, then fails: a connection lost mid-answer. */
    public static StubReply failingAfter(String partial, RuntimeException failure) {
        return new StubReply(partial, Duration.ZERO, failure, true, 0);
    }

    public StubReply after(Duration newDelay) {
        return new StubReply(text, newDelay, failure, failAfterText, chunkSize);
    }

    public StubReply inChunksOf(int characters) {
        return new StubReply(text, delay, failure, failAfterText, characters);
    }
}
