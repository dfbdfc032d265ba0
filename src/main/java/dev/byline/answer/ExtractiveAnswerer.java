package dev.byline.answer;

import dev.byline.model.Turn;
import dev.byline.retrieve.Recency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default: no language model. Quotes the passage sentence that states what the
 * question asks, word for word and cited, or declines.
 * <p>
 * Which sentence: each sentence of the passages is scored by a logistic model over its evidence
 * ({@link SentenceEvidence}: the question's rare terms it holds, alone and with the sentence before
 * it, its passage's similarity and rank, whether it holds the kind of answer asked for and exactly,
 * whether it names what a "which" question asks about, whether it is a lead or a fragment). A
 * second sentence is added when it is nearly as likely to be the answer. A sentence that leans on
 * the one before it ("He said...", "Should that happen...") brings that one along, so the reader
 * gets its subject. In a conversation, a sentence already given is passed over when another one is
 * answer enough for the new question.
 * <p>
 * Whether to answer at all: a second logistic model turns the best sentence's score, the best
 * passage similarity and what the passages lack (the question's rare terms, its names and figures)
 * into a confidence; below the threshold ({@code byline.answer.min-confidence}, by default
 * {@link #MIN_CONFIDENCE}) it declines. Both models' weights and the
 * threshold were fitted on the dev splits of the evaluation sets only
 * ({@code src/test/scripts/fit_answerer.py}; docs/benchmarks.md). No sentence is embedded: the
 * passages' similarity comes from retrieval. Thread-safe.
 */
public final class ExtractiveAnswerer implements Answerer {

    /**
     * Refuse below this confidence by default: the highest that keeps the answerable questions of the
     * dev splits of the reader-style BBC set and of SQuAD refused at 10% or less (docs/benchmarks.md,
     * which also shows what higher thresholds trade).
     */
    public static final double MIN_CONFIDENCE = 0.132;

    /**
     * Weights of {@link SentenceEvidence.Features#common()} (lexical, context, similarity, rank,
     * specific, focus, lead, fragment), and the bias.
     */
    static final double[] SENTENCE = {3.641, 0.950, 2.198, 2.059, 0.734, 1.001, -0.684, -1.673};
    static final double SENTENCE_BIAS = -6.305;
    /** Per kind of answer asked for: the weight of a sentence holding one, and of holding none. */
    static final Map<AnswerType, double[]> BY_TYPE = Map.of(
            AnswerType.MONEY, new double[]{0.583, -5.738},
            AnswerType.DURATION, new double[]{-0.013, -3.137},
            AnswerType.AMOUNT, new double[]{-0.331, -3.749},
            AnswerType.DATE, new double[]{0.029, -2.280},
            AnswerType.PLACE, new double[]{-0.409, -2.539},
            AnswerType.REASON, new double[]{0.154, -0.304},
            AnswerType.NAME, new double[]{-0.172, -1.556});
    /** Weights of the confidence model: best sentence score, best passage similarity, absent weight, unnamed share. */
    static final double[] CONFIDENCE = {0.789, 5.323, 0.572, -2.426};
    static final double CONFIDENCE_BIAS = -4.312;
    /**
     * For a "why" question, a sentence that gives a reason outright ("because", "in commemoration
     * of") is quoted instead of a best one that does not, when it scores within this much of it:
     * most answers to "why" give none of those words, so the model weighs them little, but where one
     * does it is the better quote (chosen on the dev "why" questions, docs/benchmarks.md).
     */
    static final double REASON_WITHIN = 3.0;
    /**
     * A second sentence is quoted when its probability is at least this share of the best one's: the
     * smallest share that keeps the dev answers at 1.75 sentences on average.
     */
    static final double SECOND_WITHIN = 0.30;

    /** Words that open a sentence leaning on the one before for its subject or its condition. */
    private static final Pattern LEANS_BACK = Pattern.compile("^[\"“‘']?(he|she|it|they|his|her|its|their|this|these|that|those|there|"
            + "such|but|however|yet|also|meanwhile|should|if so|otherwise|instead)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.!?\"”’)]+$");
    private static final Pattern MARKER = Pattern.compile("\\s*\\[\\d{1,3}]");

    private final double minConfidence;
    private final Recency recency;

    public ExtractiveAnswerer() {
        this(MIN_CONFIDENCE);
    }

    /** @param minConfidence refuse below this confidence (0 to 1) */
    public ExtractiveAnswerer(double minConfidence) {
        this(minConfidence, Recency.OFF);
    }

    /**
     * @param minConfidence refuse below this confidence (0 to 1)
     * @param recency       for a question asking for the current state, a newer report's sentence nearly as likely is
     *                      quoted instead of the best one ({@link Recency#sentenceBand()})
     */
    public ExtractiveAnswerer(double minConfidence, Recency recency) {
        this.minConfidence = minConfidence;
        this.recency = recency;
    }

    /** A scored sentence. */
    record Scored(SentenceEvidence.Sentence sentence, double logit) {

        double probability() {
            return sigmoid(logit);
        }
    }

    /** What the answerer would say, and how sure it is. */
    record Choice(List<Scored> quoted, double confidence) {
    }

    @Override
    public Draft answer(AnswerContext context, TextSink sink) {
        Choice choice = choose(context);
        if (choice.quoted().isEmpty() || choice.confidence() < minConfidence) {
            return Draft.declined(choice.confidence());
        }
        StringBuilder draft = new StringBuilder();
        for (Scored s : choice.quoted()) {
            if (sink.cancelled()) {
                break;
            }
            String piece = (draft.isEmpty() ? "" : " ") + cite(s.sentence());
            sink.accept(piece);
            draft.append(piece);
        }
        return new Draft(draft.toString(), null, choice.confidence());
    }

    /** @return how sure the answerer is that the passages state the answer, 0 to 1; 0 when there is nothing to quote */
    public double confidence(AnswerContext context) {
        return choose(context).confidence();
    }

    Choice choose(AnswerContext context) {
        if (context.question() == null || context.question().isBlank() || context.passages().isEmpty()) {
            return new Choice(List.of(), 0);
        }
        SentenceEvidence.Question question = SentenceEvidence.Question.of(context.question());
        SentenceEvidence.Evidence evidence = SentenceEvidence.of(context, question, context.passages().size());
        double[] byType = BY_TYPE.getOrDefault(question.type(), new double[]{0, 0});
        List<Scored> ranked = new ArrayList<>();
        for (SentenceEvidence.Sentence s : evidence.sentences()) {
            SentenceEvidence.Features f = s.features();
            ranked.add(new Scored(s, dot(SENTENCE, f.common()) + byType[0] * f.typed() + byType[1] * f.missingType() + SENTENCE_BIAS));
        }
        if (ranked.isEmpty()) {
            return new Choice(List.of(), 0);
        }
        ranked.sort(Comparator.comparingDouble((Scored s) -> -s.logit()));
        double bestSimilarity = context.passages().stream().mapToDouble(p -> Double.isNaN(p.similarity()) ? 0 : p.similarity()).max().orElse(0);
        // In a conversation, what was already said is passed over when something else is answer enough.
        List<Scored> fresh = ranked.stream().filter(s -> !alreadyGiven(s.sentence().text(), context.history())).toList();
        if (!fresh.isEmpty() && fresh.size() < ranked.size()
                && confidence(fresh.getFirst(), bestSimilarity, evidence) >= minConfidence) {
            ranked = fresh;
        }
        Scored top = ranked.getFirst();
        // "How many have died so far?": a newer report's sentence nearly as likely, holding what the best one holds.
        Scored best = recency.newestNearBest(context.question(), ranked, Scored::logit,
                s -> context.passage(s.sentence().passage()).publishedAt(),
                s -> s.sentence().features().typed() >= top.sentence().features().typed());
        if (question.type() == AnswerType.REASON && best.sentence().features().typed() == 0) {
            double floor = best.logit() - REASON_WITHIN;
            best = ranked.stream().filter(s -> s.sentence().features().typed() == 1 && s.logit() >= floor).findFirst().orElse(best);
        }
        return new Choice(quoted(best, ranked), confidence(ranked.getFirst(), bestSimilarity, evidence));
    }

    private static double confidence(Scored best, double bestSimilarity, SentenceEvidence.Evidence evidence) {
        return sigmoid(dot(CONFIDENCE, new double[]{best.logit(), bestSimilarity, evidence.absent(), evidence.unnamed()}) + CONFIDENCE_BIAS);
    }

    /**
     * The best sentence, a runner-up of the same passage nearly as likely, and the sentence before
     * each that leans back on it, in passage and text order.
     */
    private static List<Scored> quoted(Scored best, List<Scored> ranked) {
        List<Scored> out = new ArrayList<>(List.of(best));
        for (Scored s : ranked) {
            // From the same passage only: on dev, a second passage cited for a close call added less
            // to the answers holding the fact than it took from the citations' precision.
            if (s != best && s.sentence().passage() == best.sentence().passage()
                    && s.probability() >= SECOND_WITHIN * best.probability()) {
                out.add(s);
                break;
            }
        }
        for (Scored s : List.copyOf(out)) {
            String previous = s.sentence().previous();
            if (previous != null && LEANS_BACK.matcher(s.sentence().text()).find()
                    && out.stream().noneMatch(o -> o.sentence().text().equals(previous))) {
                // Never a caption or a heading: they lean on nothing and explain nothing.
                ranked.stream().filter(r -> r.sentence().text().equals(previous) && r.sentence().passage() == s.sentence().passage()
                        && r.sentence().features().fragment() == 0).findFirst().ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparingInt((Scored s) -> s.sentence().passage()).thenComparingInt(s -> s.sentence().start()));
        return out;
    }

    private static boolean alreadyGiven(String sentence, List<Turn> history) {
        String bare = normalise(sentence);
        for (Turn turn : history) {
            if (turn.answer() != null && normalise(MARKER.matcher(DateInsertions.strip(turn.answer())).replaceAll("")).contains(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String s) {
        return TRAILING_PUNCTUATION.matcher(s.strip()).replaceAll("").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The sentence with its marker before the final punctuation: "... on September 3 [2]." */
    static String cite(SentenceEvidence.Sentence s) {
        Matcher end = TRAILING_PUNCTUATION.matcher(s.text());
        int cut = end.find() ? end.start() : s.text().length();
        return s.text().substring(0, cut) + " [" + s.passage() + "]" + s.text().substring(cut);
    }

    private static double dot(double[] weights, double[] values) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * values[i];
        }
        return sum;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
