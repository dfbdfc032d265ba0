package dev.byline.eval;

import java.util.List;

/**
 * One evaluation question. An answerable question names the articles that answer it and short
 * answer keys, each of which occurs verbatim in those articles; a retrieved chunk counts as a hit
 * when it belongs to a gold article and contains one of the keys (see {@link RetrievalMetrics}).
 * An unanswerable question has no gold articles: a good system should decline to answer it.
 *
 * @param gold       ids of the articles that answer the question; empty when not answerable
 * @param answerKeys alternative short answers; any one of them in a gold chunk is a hit
 * @param split      {@link #DEV} (thresholds and weights may be chosen on it) or {@link #TEST} (only
 *                   reported); null when the set has no split
 * @param kind       what kind of answer the question asks for; read from its wording when not given
 */
public record EvalQuestion(String id, String question, boolean answerable, List<String> gold, List<String> answerKeys,
                           String split, QuestionKind kind) {

    public static final String DEV = "dev";
    public static final String TEST = "test";

    public EvalQuestion {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is missing or blank");
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question is missing or blank");
        }
        gold = gold == null ? List.of() : List.copyOf(gold);
        answerKeys = answerKeys == null ? List.of() : List.copyOf(answerKeys);
        if (answerable && gold.isEmpty()) {
            throw new IllegalArgumentException("answerable question " + id + " has no gold article");
        }
        if (answerable && answerKeys.isEmpty()) {
            throw new IllegalArgumentException("answerable question " + id + " has no answer key");
        }
        // a blank key would be contained in every chunk and turn any gold chunk into a hit
        if (answerKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("question " + id + " has a blank answer key");
        }
        if (gold.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("question " + id + " has a blank gold article id");
        }
        if (split != null && !split.equals(DEV) && !split.equals(TEST)) {
            throw new IllegalArgumentException("question " + id + " has split \"" + split + "\"; expected dev or test");
        }
        kind = kind == null ? QuestionKind.of(question) : kind;
    }

    public EvalQuestion(String id, String question, boolean answerable, List<String> gold, List<String> answerKeys) {
        this(id, question, answerable, gold, answerKeys, null, null);
    }

    public static EvalQuestion answerable(String id, String question, List<String> gold, List<String> answerKeys) {
        return new EvalQuestion(id, question, true, gold, answerKeys);
    }

    public static EvalQuestion unanswerable(String id, String question) {
        return new EvalQuestion(id, question, false, List.of(), List.of());
    }

    public EvalQuestion withSplit(String newSplit) {
        return new EvalQuestion(id, question, answerable, gold, answerKeys, newSplit, kind);
    }
}
