package dev.byline.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic, scriptable language model for tests and demos ({@code byline.answer.model=stub}).
 * Unscripted, it answers with the first sentence of passage {@code [1]} cited as {@code [1]} (or
 * {@code NOT_IN_ARTICLES} when the prompt holds no passages), and condenses a follow-up to the
 * reader's message unchanged. {@link #nextAnswer} and {@link #nextCondensed} queue replies (text,
 * delay, failure, chunking) used once each, in order. Answer requests are told apart from condense
 * requests by their system message. Typed to its own class so that it never competes with the
 * configured {@link ChatModel} bean.
 */
@Singleton
@Typed(StubChatModel.class)
public class StubChatModel implements ChatModel, StreamingChatModel {

    private static final Pattern FIRST_PASSAGE = Pattern.compile("(?m)^\\[1] [^\\n]*\\n(.+)$");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?)([.!?])(?=\\s|$)");
    private static final Pattern LAST_MESSAGE = Pattern.compile("(?m)^Reader's last message: (.*)$");

    private final Queue<StubReply> answers = new ConcurrentLinkedQueue<>();
    private final Queue<StubReply> condensed = new ConcurrentLinkedQueue<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger cancelledStreams = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);

    public StubChatModel nextAnswer(StubReply... replies) {
        answers.addAll(List.of(replies));
        return this;
    }

    public StubChatModel nextCondensed(StubReply... replies) {
        condensed.addAll(List.of(replies));
        return this;
    }

    /** Every request received, oldest first. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** Streams stopped through their {@link StreamingHandle} before the end. */
    public int cancelledStreams() {
        return cancelledStreams.get();
    }

    /** Forgets scripts and requests, and lets every delayed call still waiting finish at once. */
    public void reset() {
        answers.clear();
        condensed.clear();
        requests.clear();
        cancelledStreams.set(0);
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        StubReply reply = replyTo(request);
        if (!waitFor(reply.delay(), release)) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stub model interrupted while thinking");
        }
        if (reply.failure() != null) {
            throw reply.failure();
        }
        return response(textFor(reply, request));
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        StubReply reply = replyTo(request);
        String text = textFor(reply, request);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch released = release;
        StreamingHandle handle = new StreamingHandle() {
            @Override
            public void cancel() {
                if (cancelled.getCount() > 0) {
                    cancelledStreams.incrementAndGet();
                    cancelled.countDown();
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getCount() == 0;
            }
        };
        // Like a real client: the reply arrives later, on another thread.
        Thread.ofVirtual().name("stub-model-stream").start(() -> {
            if (!waitFor(reply.delay(), cancelled, released) || handle.isCancelled()) {
                return;
            }
            if (reply.failure() != null && !reply.failAfterText()) {
                handler.onError(reply.failure());
                return;
            }
            for (String chunk : chunks(text, reply.chunkSize())) {
                if (handle.isCancelled()) {
                    return;
                }
                handler.onPartialResponse(new PartialResponse(chunk), new PartialResponseContext(handle));
            }
            if (reply.failure() != null) {
                handler.onError(reply.failure());
            } else if (!handle.isCancelled()) {
                handler.onCompleteResponse(response(text));
            }
        });
    }

    // ChatModel and StreamingChatModel both define these defaults; the stub has one answer for both.

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return DefaultChatRequestParameters.EMPTY;
    }

    @Override
    public List<ChatModelListener> listeners() {
        return List.of();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    private StubReply replyTo(ChatRequest request) {
        requests.add(request);
        StubReply scripted = (isAnswer(request) ? answers : condensed).poll();
        return scripted == null ? StubReply.usual() : scripted;
    }

    private static boolean isAnswer(ChatRequest request) {
        return request.messages().stream().anyMatch(m -> m instanceof SystemMessage);
    }

    private static String textFor(StubReply reply, ChatRequest request) {
        if (reply.text() != null) {
            return reply.text();
        }
        String prompt = lastUserText(request.messages());
        return isAnswer(request) ? firstSentenceOfFirstPassage(prompt) : readersMessage(prompt);
    }

    private static String firstSentenceOfFirstPassage(String prompt) {
        Matcher passage = FIRST_PASSAGE.matcher(prompt);
        if (!passage.find()) {
            return CitationVerifier.DECLINE_TOKEN;
        }
        Matcher sentence = FIRST_SENTENCE.matcher(passage.group(1).strip());
        return sentence.find() ? sentence.group(1) + " [1]" + sentence.group(2) : passage.group(1).strip() + " [1]";
    }

    private static String readersMessage(String prompt) {
        Matcher m = LAST_MESSAGE.matcher(prompt);
        return m.find() ? m.group(1).strip() : "";
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user && user.hasSingleText()) {
                return user.singleText();
            }
        }
        return "";
    }

    private static List<String> chunks(String text, int size) {
        List<String> out = new ArrayList<>();
        if (size > 0) {
            for (int i = 0; i < text.length(); i += size) {
                out.add(text.substring(i, Math.min(text.length(), i + size)));
            }
        } else {
            Matcher word = Pattern.compile("\\S+\\s*|\\s+").matcher(text);
            while (word.find()) {
                out.add(word.group());
            }
        }
        return out;
    }

    private static ChatResponse response(String text) {
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
    }

    /** @return false when interrupted; true once the delay has passed or any latch was released */
    private static boolean waitFor(Duration delay, CountDownLatch... stops) {
        if (delay.isZero() || delay.isNegative()) {
            return true;
        }
        long deadline = System.nanoTime() + delay.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                for (CountDownLatch stop : stops) {
                    if (stop.getCount() == 0) {
                        return true;
                    }
                }
                stops[0].await(Math.min(20_000_000L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
