package dev.byline.eval;

import dev.byline.model.Answer;
import dev.byline.model.Citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Answer quality on a question set, as a reader would judge it:
 * <ul>
 * <li>correctness: share of answerable questions whose answer is grounded and contains one of the
 *     answer keys (case- and whitespace-insensitive, citation markers ignored);</li>
 * <li>citation precision: share of all citations given, over every question, whose passage belongs
 *     to a gold article of its question and contains an answer key; a citation on an unanswerable
 *     question is never precise. Also reported over the answerable questions' citations alone,
 *     which separates citing the wrong passage from answering what should have been refused;</li>
 * <li>refusal rate on the unanswerable questions ({@code grounded=false}) and false-refusal rate on
 *     the answerable ones;</li>
 * <li>latency percentiles of one whole ask.</li>
 * </ul>
 * Pure scoring plus a runner; the caller supplies how a question is asked.
 */
public final class AnswerEvaluation {

    public static final String MARKDOWN_HEADER = """
            | answerer | answerable | unanswerable | holds the fact | citation precision (citations) | citation precision, answerable only | unanswerable refused | answerable refused | p50 ms | p95 ms |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

    /** How one answer turned out, as a reader would judge it. */
    public enum Outcome {
        /** Answerable, answered, and the answer states the fact; or unanswerable and refused. */
        RIGHT,
        /** Answered, but without the fact (answerable) or at all (unanswerable). */
        WRONG,
        /** Answerable, but refused. */
        REFUSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Asks run before timing starts, so the JIT and caches do not count against the first questions. */
    private static final int WARM_UP = 5;
    private static final Pattern MARKER = Pattern.compile("\\s*\\[[\\d,;\\s]+]");

    /** One question asked: the answer and how long the ask took. */
    public record Asked(EvalQuestion question, Answer answer, long nanos) {
    }

    /**
     * @param citationPrecision           NaN when no citation was given at all
     * @param answerableCitationPrecision the same over the answerable questions' citations; NaN when there are none
     * @param refusedUnanswerable share of unanswerable questions refused; NaN when there are none
     * @param falseRefusals       share of answerable questions refused; NaN when there are none
     */
    public record Scores(int answerable, int unanswerable, double correctness, int citations, double citationPrecision,
                         double answerableCitationPrecision, double refusedUnanswerable, double falseRefusals,
                         LatencyStats latency) {

        /** This result as a row under {@link #MARKDOWN_HEADER}. */
        public String markdownRow(String answerer) {
            return "| " + answerer.replace("|", "\\|") + " | " + answerable + " | " + unanswerable
                    + " | " + rate(correctness) + " | " + rate(citationPrecision) + " (" + citations + ")"
                    + " | " + rate(answerableCitationPrecision)
                    + " | " + rate(refusedUnanswerable) + " | " + rate(falseRefusals)
                    + " | " + millis(latency.count(), latency.p50Millis()) + " | " + millis(latency.count(), latency.p95Millis()) + " |";
        }

        /** snake_case, like the rest of the result file. */
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("answerable", answerable);
            json.put("unanswerable", unanswerable);
            json.put("correctness", finite(correctness));
            json.put("citations", citations);
            json.put("citation_precision", finite(citationPrecision));
            json.put("citation_precision_answerable", finite(answerableCitationPrecision));
            json.put("refused_unanswerable", finite(refusedUnanswerable));
            json.put("false_refusals", finite(falseRefusals));
            json.put("latency_ms", Map.of("asks", latency.count(), "p50", latency.p50Millis(), "p95", latency.p95Millis(),
                    "p99", latency.p99Millis()));
            return json;
        }
    }

    private AnswerEvaluation() {
    }

    /** Asks every question once in a fresh conversation, after a few untimed warm-up asks. */
    public static List<Asked> run(List<EvalQuestion> questions, Function<String, Answer> ask) {
        for (int i = 0; i < Math.min(WARM_UP, questions.size()); i++) {
            ask.apply(questions.get(i).question());
        }
        List<Asked> asked = new ArrayList<>(questions.size());
        for (EvalQuestion q : questions) {
            long start = System.nanoTime();
            Answer answer = ask.apply(q.question());
            asked.add(new Asked(q, answer, System.nanoTime() - start));
        }
        return asked;
    }

    public static Scores score(List<Asked> asked) {
        int answerable = 0;
        int unanswerable = 0;
        int correct = 0;
        int falseRefusals = 0;
        int refused = 0;
        int citations = 0;
        int answerableCitations = 0;
        int precise = 0;
        List<Long> nanos = new ArrayList<>(asked.size());
        for (Asked a : asked) {
            nanos.add(a.nanos());
            EvalQuestion q = a.question();
            if (q.answerable()) {
                answerable++;
                correct += isCorrect(q, a.answer()) ? 1 : 0;
                falseRefusals += a.answer().grounded() ? 0 : 1;
            } else {
                unanswerable++;
                refused += a.answer().grounded() ? 0 : 1;
            }
            for (Citation c : a.answer().citations()) {
                citations++;
                answerableCitations += q.answerable() ? 1 : 0;
                precise += isPrecise(q, c) ? 1 : 0;
            }
        }
        return new Scores(answerable, unanswerable, share(correct, answerable), citations, share(precise, citations),
                share(precise, answerableCitations), share(refused, unanswerable), share(falseRefusals, answerable),
                LatencyStats.ofNanos(nanos));
    }

    /** Unanswerable questions are right when refused; answerable ones when answered with the fact. */
    public static Outcome outcome(EvalQuestion question, Answer answer) {
        if (!question.answerable()) {
            return answer.grounded() ? Outcome.WRONG : Outcome.RIGHT;
        }
        if (!answer.grounded()) {
            return Outcome.REFUSED;
        }
        return isCorrect(question, answer) ? Outcome.RIGHT : Outcome.WRONG;
    }

    /** A grounded answer to an answerable question that states one of its keys. */
    public static boolean isCorrect(EvalQuestion question, Answer answer) {
        if (!question.answerable() || !answer.grounded() || answer.answer() == null) {
            return false;
        }
        String text = RetrievalMetrics.normalise(MARKER.matcher(answer.answer()).replaceAll(""));
        return question.answerKeys().stream().anyMatch(key -> text.contains(RetrievalMetrics.normalise(key)));
    }

    /** A citation of a gold article's passage that holds an answer key. */
    public static boolean isPrecise(EvalQuestion question, Citation citation) {
        return citation.snippet() != null && RetrievalMetrics.isHit(question, new RetrievedChunk(citation.articleId(), citation.snippet()));
    }

    private static double share(int count, int of) {
        return of == 0 ? Double.NaN : (double) count / of;
    }

    private static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String millis(int count, double value) {
        return count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
