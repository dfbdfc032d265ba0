package dev.byline.answer;

import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Answers with any LangChain4j chat model from {@code prompts/system.txt} and {@code prompts/user.txt}.
 * A sink other than {@link TextSink#NONE} gets the text as the model streams it; generation is
 * cancelled once the sink reports {@link TextSink#cancelled()}. The model's text is data: it is
 * passed on, never interpreted (only control characters are dropped), and {@link CitationVerifier}
 * decides what survives. Model settings (name, temperature, ...) come from the model's own
 * configuration, not from here. A failing model throws; {@link FallbackAnswerer} decides what the
 * reader gets instead.
 */
public final class LlmAnswerer implements Answerer {

    /** How often a silent stream looks at whether the reader is still there. */
    private static final long CANCEL_CHECK_MILLIS = 100;
    /** C0 controls except tab and line breaks, DEL, C1 controls: terminal escapes and the like. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");

    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Prompts prompts;
    private final Clock clock;

    public LlmAnswerer(ChatModel chat, StreamingChatModel streaming, Prompts prompts) {
        this(chat, streaming, prompts, Clock.systemUTC());
    }

    /** @param clock gives today's date for the prompt (UTC), against which the model reads "now" */
    public LlmAnswerer(ChatModel chat, StreamingChatModel streaming, Prompts prompts, Clock clock) {
        this.chat = chat;
        this.streaming = streaming;
        this.prompts = prompts;
        this.clock = clock;
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompts.render(Prompts.SYSTEM, Map.of())),
                        UserMessage.from(prompts.render(Prompts.USER, Map.of(
                                "passages", renderPassages(context.passages()),
                                "question", context.question(),
                                "today", TODAY.format(LocalDate.now(clock))))))
                .build();
        String text = sink == TextSink.NONE || streaming == null ? complete(request) : stream(request, sink);
        return new Draft(text, null);
    }

    /** {@code [n] Title (Source, date)} then the passage text, passages separated by a blank line. */
    static String renderPassages(List<Passage> passages) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (i > 0) {
                out.append("\n\n");
            }
            out.append('[').append(i + 1).append("] ").append(oneLine(p.title(), "Untitled"));
            String about = String.join(", ", nonBlank(oneLine(p.source(), ""), date(p.publishedAt())));
            if (!about.isEmpty()) {
                out.append(" (").append(about).append(')');
            }
            out.append('\n').append(p.text() == null ? "" : p.text().strip());
        }
        return out.toString();
    }

    private String complete(ChatRequest request) {
        ChatResponse response = ModelCalls.interruptibly(() -> chat.chat(request));
        AiMessage message = response == null ? null : response.aiMessage();
        return nonBlank(clean(message == null ? null : message.text()));
    }

    /**
     * A model asked to answer or say NOT_IN_ARTICLES that returns nothing has failed (a stream of lines that could not
     * be parsed, an HTML error page, an empty completion): taken as an empty answer, it would read as "the articles
     * don't say" and hide the outage.
     */
    private static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new ModelCallException("The language model returned no text", null);
        }
        return text;
    }

    /**
     * Deltas are handed over through a queue and passed to the sink on the caller's thread, so the
     * sink sees them in order, from one thread, and never after this method has returned (a late
     * delta after a fallback would corrupt the reader's stream). Waiting is interruptible, which is
     * how the fault-tolerance timeout stops it.
     */
    private String stream(ChatRequest request, TextSink sink) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        boolean finished = false;
        StringBuilder text = new StringBuilder();
        try {
            streaming.chat(request, new QueueingHandler(events, handle));
            while (true) {
                if (sink.cancelled()) {
                    return text.toString();
                }
                Event event = events.poll(CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (event instanceof Delta delta) {
                    String clean = clean(delta.text());
                    if (!clean.isEmpty() && !sink.cancelled()) {
                        text.append(clean);
                        sink.accept(clean);
                    }
                } else if (event instanceof Completed completed) {
                    finished = true;
                    String whole = clean(completed.text());
                    return nonBlank(whole.isBlank() ? text.toString() : whole);
                } else if (event instanceof Failed failed) {
                    finished = true;
                    throw new ModelCallException("The language model failed while streaming", failed.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCallException("Interrupted while waiting for the language model", e);
        } finally {
            if (!finished) {
                StreamingHandle h = handle.get();
                if (h != null) {
                    h.cancel();
                }
            }
        }
    }

    static String clean(String modelText) {
        return modelText == null ? "" : CONTROL.matcher(modelText).replaceAll("");
    }

    private static String oneLine(String s, String absent) {
        return s == null || s.isBlank() ? absent : s.strip().replaceAll("\\s+", " ");
    }

    private static List<String> nonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }

    /** The day is what a reader needs; a time of day and zone would only add tokens. */
    private static String date(String publishedAt) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return "";
        }
        try {
            return PublishedDates.parse(publishedAt).atZone(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return oneLine(publishedAt, "");
        }
    }

    private sealed interface Event permits Delta, Completed, Failed {
    }

    private record Delta(String text) implements Event {
    }

    private record Completed(String text) implements Event {
    }

    private record Failed(Throwable error) implements Event {
    }

    private record QueueingHandler(BlockingQueue<Event> events, AtomicReference<StreamingHandle> handle)
            implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (context != null) {
                handle.compareAndSet(null, context.streamingHandle());
            }
            onPartialResponse(partial.text());
        }

        @Override
        public void onPartialResponse(String partial) {
            if (partial != null) {
                events.add(new Delta(partial));
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            AiMessage message = response == null ? null : response.aiMessage();
            events.add(new Completed(message == null ? null : message.text()));
        }

        @Override
        public void onError(Throwable error) {
            events.add(new Failed(error));
        }
    }

    /** The model did not produce an answer (error, broken stream, interrupted by the timeout). */
    public static final class ModelCallException extends RuntimeException {
        public ModelCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
