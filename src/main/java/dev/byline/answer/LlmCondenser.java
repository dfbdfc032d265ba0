package dev.byline.answer;

import dev.byline.model.Turn;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Condenses follow-ups with the language model and {@code prompts/condense.txt}. The model's reply
 * is only ever used as a search question: its first line, trimmed, without surrounding quotes or a
 * "Standalone question:" label. An empty or absurdly long reply, or a failed call, means the
 * fallback condenser decides instead, so a follow-up never fails because of the model.
 */
public final class LlmCondenser implements QuestionCondenser {

    private static final Logger LOG = Logger.getLogger(LlmCondenser.class);

    /** Turns shown to the model: references rarely reach further back, and each turn costs tokens. */
    static final int TURNS = 4;
    /** An earlier answer is cut to this many characters; its opening names what it is about. */
    static final int ANSWER_CHARS = 400;
    /** A rewritten question longer than this (or twice the original) is not a question. */
    static final int MAX_QUESTION_CHARS = 400;

    private static final Pattern MARKERS = Pattern.compile("\\s*\\[\\s*\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*\\s*]");
    private static final Pattern LABEL = Pattern.compile("^(?i)(standalone question|question|rewritten question)\\s*:\\s*");
    private static final String QUOTES = "\"'“”‘’`«»";

    private final ChatModel chat;
    private final Prompts prompts;
    private final QuestionCondenser fallback;

    public LlmCondenser(ChatModel chat, Prompts prompts, QuestionCondenser fallback) {
        this.chat = chat;
        this.prompts = prompts;
        this.fallback = fallback;
    }

    @Override
    public String condense(String question, List<Turn> history) {
        if (history == null || history.isEmpty()) {
            return question;
        }
        String prompt = prompts.render(Prompts.CONDENSE, Map.of("history", renderHistory(history), "question", oneLine(question)));
        String rewritten;
        try {
            ChatResponse response = chat.chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build());
            AiMessage message = response == null ? null : response.aiMessage();
            rewritten = clean(message == null ? null : message.text());
        } catch (RuntimeException e) {
            LOG.warnf("The language model could not condense a follow-up (%s); using the keyword condenser", e.getClass().getSimpleName());
            return fallback.condense(question, history);
        }
        if (rewritten.isEmpty() || rewritten.length() > Math.max(MAX_QUESTION_CHARS, 2 * question.length())) {
            return fallback.condense(question, history);
        }
        return rewritten;
    }

    /**
     * "Reader: ..." / "Byline: ..." lines for the last few turns, oldest first. The reader's line is
     * the standalone form of the question, which already has the references of its own turn resolved.
     */
    static String renderHistory(List<Turn> history) {
        return history.subList(Math.max(0, history.size() - TURNS), history.size()).stream()
                .map(t -> "Reader: " + oneLine(t.standalone() == null || t.standalone().isBlank() ? t.question() : t.standalone())
                        + "\nByline: " + shorten(oneLine(MARKERS.matcher(t.answer() == null ? "" : t.answer()).replaceAll(""))))
                .collect(Collectors.joining("\n"));
    }

    /** The first non-blank line of the reply, without a label and the quotes around it. */
    static String clean(String reply) {
        if (reply == null) {
            return "";
        }
        String line = LlmAnswerer.clean(reply).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        line = LABEL.matcher(line).replaceFirst("");
        int start = 0;
        int end = line.length();
        while (start < end && QUOTES.indexOf(line.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(start, end).strip();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String s) {
        return s.length() <= ANSWER_CHARS ? s : s.substring(0, ANSWER_CHARS).strip() + " ...";
    }
}
