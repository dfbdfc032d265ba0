package dev.byline.eval;

import dev.byline.model.Citation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Renders one question set's run: retrieval per system and answers, each per split (dev, test,
 * and both together), answers per kind of question, and the spread of the answerer's confidence
 * for right, wrong and refused answers: the figures a refusal threshold is chosen from (on dev)
 * and reported with (on test). Markdown for the terminal, a map for the JSON result file.
 *
 * @param asked null when only retrieval was measured
 */
public record SetReport(String set, List<EvalQuestion> questions, List<SystemResult> retrieval,
                        List<AnswerEvaluation.Asked> asked) {

    private static final int[] PERCENTILES = {0, 10, 25, 50, 75, 90, 100};

    public SetReport {
        questions = List.copyOf(questions);
        retrieval = List.copyOf(retrieval);
        asked = asked == null ? null : List.copyOf(asked);
    }

    /** "dev", "test" and "all" when the set is split; "all" alone otherwise. */
    List<String> splits() {
        boolean split = questions.stream().anyMatch(q -> q.split() != null);
        return split ? List.of(EvalQuestion.DEV, EvalQuestion.TEST, "all") : List.of("all");
    }

    private static Predicate<EvalQuestion> in(String split) {
        return q -> split.equals("all") || split.equals(q.split());
    }

    public String markdown() {
        long answerableCount = questions.stream().filter(EvalQuestion::answerable).count();
        StringBuilder md = new StringBuilder();
        md.append("### ").append(set).append(": ").append(questions.size()).append(" questions (")
                .append(answerableCount).append(" answerable, ").append(questions.size() - answerableCount).append(" unanswerable)\n\n");
        md.append("| system | split | n | Hits@1 | Hits@5 | Hits@10 | MRR@10 | p50 ms | p95 ms |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SystemResult system : retrieval) {
            for (String split : splits()) {
                SystemResult part = system.restrictedTo(questions.stream().filter(in(split)).toList());
                String row = part.markdownRow();
                int afterName = row.indexOf(" | ", 2);
                md.append(row, 0, afterName).append(" | ").append(split).append(row.substring(afterName)).append('\n');
            }
        }
        if (asked == null) {
            return md.toString();
        }
        md.append("\n| split | answerable | unanswerable | holds the fact | answerable refused | unanswerable refused | citation precision (citations) | p50 ms | p95 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String split : splits()) {
            AnswerEvaluation.Scores s = AnswerEvaluation.score(askedIn(split, null));
            md.append("| ").append(split).append(" | ").append(s.answerable()).append(" | ").append(s.unanswerable())
                    .append(" | ").append(rate(s.correctness())).append(" | ").append(rate(s.falseRefusals()))
                    .append(" | ").append(rate(s.refusedUnanswerable())).append(" | ").append(rate(s.citationPrecision()))
                    .append(" (").append(s.citations()).append(") | ").append(millis(s.latency().count(), s.latency().p50Millis()))
                    .append(" | ").append(millis(s.latency().count(), s.latency().p95Millis())).append(" |\n");
        }
        md.append("\n| kind | split | answerable | holds the fact | answerable refused | unanswerable | unanswerable refused |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (QuestionKind kind : QuestionKind.values()) {
            for (String split : splits()) {
                AnswerEvaluation.Scores s = AnswerEvaluation.score(askedIn(split, kind));
                if (s.answerable() + s.unanswerable() == 0) {
                    continue;
                }
                md.append("| ").append(kind.wire()).append(" | ").append(split).append(" | ").append(s.answerable())
                        .append(" | ").append(rate(s.correctness())).append(" | ").append(rate(s.falseRefusals()))
                        .append(" | ").append(s.unanswerable()).append(" | ").append(rate(s.refusedUnanswerable())).append(" |\n");
            }
        }
        md.append("\nConfidence of the answerer by outcome (answerable: right = holds the fact; unanswerable: right = refused):\n\n");
        md.append("| questions | outcome | split | n | min | p10 | p25 | p50 | p75 | p90 | max |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (boolean answerable : new boolean[]{true, false}) {
            for (AnswerEvaluation.Outcome outcome : AnswerEvaluation.Outcome.values()) {
                for (String split : splits()) {
                    double[] values = confidences(split, answerable, outcome);
                    if (values.length == 0) {
                        continue;
                    }
                    md.append("| ").append(answerable ? "answerable" : "unanswerable").append(" | ").append(outcome.wire())
                            .append(" | ").append(split).append(" | ").append(values.length);
                    for (int p : PERCENTILES) {
                        md.append(" | ").append(String.format(Locale.ROOT, "%.3f", percentile(values, p)));
                    }
                    md.append(" |\n");
                }
            }
        }
        return md.toString();
    }

    /** The same figures as {@link #markdown}, snake_case, with every question's outcome. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("set", set);
        out.put("questions", questions.size());
        Map<String, Object> bySplit = new LinkedHashMap<>();
        for (String split : splits()) {
            Map<String, Object> part = new LinkedHashMap<>();
            List<Map<String, Object>> systems = new ArrayList<>();
            for (SystemResult system : retrieval) {
                RetrievalScores r = system.restrictedTo(questions.stream().filter(in(split)).toList()).scores();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("system", system.system());
                row.put("n", r.questions());
                row.put("hits_at_1", r.hitsAt1());
                row.put("hits_at_5", r.hitsAt5());
                row.put("hits_at_10", r.hitsAt10());
                row.put("mrr_at_10", r.mrrAt10());
                systems.add(row);
            }
            part.put("retrieval", systems);
            if (asked != null) {
                part.put("answers", AnswerEvaluation.score(askedIn(split, null)).toJson());
                Map<String, Object> kinds = new LinkedHashMap<>();
                for (QuestionKind kind : QuestionKind.values()) {
                    List<AnswerEvaluation.Asked> ofKind = askedIn(split, kind);
                    if (!ofKind.isEmpty()) {
                        kinds.put(kind.wire(), AnswerEvaluation.score(ofKind).toJson());
                    }
                }
                part.put("by_kind", kinds);
                Map<String, Object> confidence = new LinkedHashMap<>();
                for (boolean answerable : new boolean[]{true, false}) {
                    for (AnswerEvaluation.Outcome outcome : AnswerEvaluation.Outcome.values()) {
                        double[] values = confidences(split, answerable, outcome);
                        if (values.length > 0) {
                            Map<String, Double> percentiles = new LinkedHashMap<>();
                            for (int p : PERCENTILES) {
                                percentiles.put("p" + p, percentile(values, p));
                            }
                            confidence.put((answerable ? "answerable_" : "unanswerable_") + outcome.wire(), percentiles);
                        }
                    }
                }
                part.put("confidence", confidence);
            }
            bySplit.put(split, part);
        }
        out.put("splits", bySplit);
        if (asked != null) {
            out.put("per_question", perQuestion());
        }
        return out;
    }

    private List<Map<String, Object>> perQuestion() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AnswerEvaluation.Asked a : asked) {
            EvalQuestion q = a.question();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", q.id());
            row.put("split", q.split());
            row.put("kind", q.kind().wire());
            row.put("answerable", q.answerable());
            row.put("outcome", AnswerEvaluation.outcome(q, a.answer()).wire());
            row.put("confidence", Double.isNaN(a.answer().confidence()) ? null : a.answer().confidence());
            for (SystemResult system : retrieval) {
                if (q.answerable()) {
                    row.put("first_hit_rank:" + system.system(), system.firstHitRanks().getOrDefault(q.id(), 0));
                }
            }
            row.put("question", q.question());
            row.put("answer", a.answer().answer());
            row.put("cited", a.answer().citations().stream().map(Citation::chunkId).toList());
            row.put("ms", a.nanos() / 1e6);
            rows.add(row);
        }
        return rows;
    }

    private List<AnswerEvaluation.Asked> askedIn(String split, QuestionKind kind) {
        return asked.stream().filter(a -> in(split).test(a.question()))
                .filter(a -> kind == null || kind == a.question().kind()).toList();
    }

    private double[] confidences(String split, boolean answerable, AnswerEvaluation.Outcome outcome) {
        double[] values = askedIn(split, null).stream()
                .filter(a -> a.question().answerable() == answerable)
                .filter(a -> AnswerEvaluation.outcome(a.question(), a.answer()) == outcome)
                .mapToDouble(a -> a.answer().confidence()).filter(c -> !Double.isNaN(c)).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Nearest rank: the p-th percentile of n sorted values is the value at rank ceil(p/100 * n); p0 is the minimum. */
    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String millis(int count, double value) {
        return count == 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
