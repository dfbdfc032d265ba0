package dev.byline.widget;

import dev.byline.answer.AnswerContext;
import dev.byline.answer.Answerer;
import dev.byline.answer.Draft;
import dev.byline.answer.TextSink;
import dev.byline.model.Passage;
import dev.byline.model.Turn;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Answers the widget's browser tests with drafts known in advance, citing the fixture articles
 * ({@code src/test/resources/widget/articles.json}) by their real passages. Chosen by words in the question:
 * "weather" is declined (not in the articles), "hostile" answers with markup citing the hostile article,
 * "flaky" fails the first time it is asked and answers after; anything else cites the Ulaanbaatar article [1]
 * and a demo article [2] (which has no URL).
 * Words come a few at a time with pauses, like a model writing, so a test can see the answer stream in.
 */
public final class WidgetAnswerer implements Answerer {

    static final String GROUNDED_ARTICLE = "test/putin-ulaanbaatar";
    static final String GROUNDED_URL = "https://news.example/world/putin-ulaanbaatar";
    static final String HOSTILE_ARTICLE = "test/hostile-markup";
    /** Each sentence is supported by the passage it cites, or the verifier would leave it out. */
    static final String GROUNDED_DRAFT = "Putin is due in Ulaanbaatar on September 3 [%d]. "
            + "The two leaders will attend a ceremony commemorating the Battle of Khalkhin Gol [%d].";
    /** Quotes a sentence of the hostile article word for word; no double quotes, which would be checked as a quotation. */
    static final String HOSTILE_DRAFT = "The press release carried <img src=x onerror=window.__bylineOwned=3> and <script>window.__bylineOwned=4</script> in its text [%d].";

    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile List<Turn> lastHistory = List.of();

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        calls.incrementAndGet();
        lastHistory = context.history();
        String question = context.question().toLowerCase(Locale.ROOT);
        if (question.contains("weather")) {
            return Draft.declined();
        }
        if (question.contains("flaky") && failedOnce.add(question)) {
            throw new IllegalStateException("scripted failure for the widget tests");
        }
        boolean hostile = question.contains("hostile");
        int n = passageOf(context, hostile ? HOSTILE_ARTICLE : GROUNDED_ARTICLE);
        String draft = hostile ? HOSTILE_DRAFT.formatted(n) : GROUNDED_DRAFT.formatted(n, otherPassage(context, n));
        stream(draft, sink);
        return new Draft(draft, null);
    }

    /** @return how many questions reached the answerer: a request refused at the door never does */
    int calls() {
        return calls.get();
    }

    /** @return the earlier turns the last question was asked with (its conversation so far) */
    List<Turn> lastHistory() {
        return lastHistory;
    }

    /** The number of the first passage from the article, or 1 (a test then sees the wrong link and says so). */
    private static int passageOf(AnswerContext context, String articleId) {
        List<Passage> passages = context.passages();
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).articleId().equals(articleId)) {
                return i + 1;
            }
        }
        return 1;
    }

    /** A passage about Khalkhin Gol from another article (a demo article, which has no URL), else {@code n} again. */
    private static int otherPassage(AnswerContext context, int n) {
        List<Passage> passages = context.passages();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (!p.articleId().equals(GROUNDED_ARTICLE) && p.text().contains("Khalkhin Gol")) {
                return i + 1;
            }
        }
        return n;
    }

    private static void stream(String draft, TextSink sink) {
        String[] words = draft.split("(?<= )");
        for (int i = 0; i < words.length && !sink.cancelled(); i += 2) {
            sink.accept(words[i] + (i + 1 < words.length ? words[i + 1] : ""));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40));
        }
    }
}
