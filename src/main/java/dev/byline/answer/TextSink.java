package dev.byline.answer;

/** Where answer text goes as it is written (server-sent events, or nowhere for a plain ask). */
public interface TextSink {

    TextSink NONE = delta -> {
    };

    void accept(String delta);

    /** True once the client has gone: answerers stop generating. */
    default boolean cancelled() {
        return false;
    }
}
