package dev.byline.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the question log for a period and sums it up for the editors' page. */
public final class InsightsReports {

    static final int TOP_ARTICLES = 10;
    static final int MAX_TOPICS = 50;
    static final int MAX_DISLIKED = 50;

    private final QuestionLog log;
    private final TopicClusters topics;

    public InsightsReports(QuestionLog log, TopicClusters topics) {
        this.log = log;
        this.topics = topics;
    }

    /** The entries of the days {@code from} to {@code to}, both included (UTC), oldest first. */
    public List<QuestionLog.Rated> entries(LocalDate from, LocalDate to) {
        return log.between(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public InsightsReport report(LocalDate from, LocalDate to) {
        List<QuestionLog.Rated> entries = entries(from, to);
        Map<String, InsightsReport.Day> days = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> perDay = new LinkedHashMap<>();
        Map<String, Integer> refusedPerDay = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, Integer> channels = new LinkedHashMap<>();
            for (Channel c : Channel.values()) {
                channels.put(c.wire(), 0);
            }
            perDay.put(d.toString(), channels);
        }
        int grounded = 0;
        int refused = 0;
        int fallback = 0;
        int up = 0;
        int down = 0;
        List<TopicClusters.Asked> unanswered = new ArrayList<>();
        Map<String, InsightsReport.CitedArticle> cited = new HashMap<>();
        List<InsightsReport.Disliked> disliked = new ArrayList<>();
        for (QuestionLog.Rated r : entries) {
            LoggedQuestion q = r.question();
            String day = LocalDate.ofInstant(Instant.parse(q.at()), ZoneOffset.UTC).toString();
            perDay.computeIfAbsent(day, k -> new LinkedHashMap<>()).merge(q.channel(), 1, Integer::sum);
            switch (q.outcome()) {
                case "grounded" -> grounded++;
                case "fallback" -> fallback++;
                default -> refused++;
            }
            if (!q.grounded()) {
                refusedPerDay.merge(day, 1, Integer::sum);
                unanswered.add(new TopicClusters.Asked(q.standalone() == null ? q.question() : q.standalone(), q.at()));
            }
            for (LoggedQuestion.Cited c : q.citations()) {
                cited.merge(c.articleId(), new InsightsReport.CitedArticle(c.articleId(), c.title(), c.url(), 1),
                        (a, b) -> new InsightsReport.CitedArticle(a.articleId(), a.title(), a.url(), a.citations() + 1));
            }
            up += (int) r.up();
            down += (int) r.down();
            if (r.down() > 0) {
                List<String> comments = r.feedback().stream().filter(f -> LoggedFeedback.DOWN.equals(f.rating()))
                        .map(LoggedFeedback::comment).filter(c -> c != null && !c.isBlank()).toList();
                disliked.add(new InsightsReport.Disliked(q.answerId(), q.at(), q.channel(), q.question(), q.answer(), q.outcome(),
                        q.citations(), comments, r.down(), r.up()));
            }
        }
        for (Map.Entry<String, Map<String, Integer>> e : perDay.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            days.put(e.getKey(), new InsightsReport.Day(e.getKey(), e.getValue(), total, refusedPerDay.getOrDefault(e.getKey(), 0)));
        }
        int questions = entries.size();
        // Refused answers count fallbacks that refused too: the rate is what readers met.
        int notAnswered = (int) entries.stream().filter(r -> !r.question().grounded()).count();
        var totals = new InsightsReport.Totals(questions, grounded, refused, fallback,
                questions == 0 ? 0 : (double) notAnswered / questions, up, down);
        List<InsightsReport.CitedArticle> top = cited.values().stream()
                .sorted(Comparator.comparingInt(InsightsReport.CitedArticle::citations).reversed()
                        .thenComparing(InsightsReport.CitedArticle::articleId))
                .limit(TOP_ARTICLES).toList();
        disliked.sort(Comparator.comparing(InsightsReport.Disliked::at).reversed());
        List<TopicClusters.Topic> grouped = unanswered.isEmpty() ? List.of() : topics.group(unanswered);
        return new InsightsReport(from.toString(), to.toString(), totals, List.copyOf(days.values()),
                grouped.subList(0, Math.min(MAX_TOPICS, grouped.size())), top, topStories(entries, cited),
                disliked.subList(0, Math.min(MAX_DISLIKED, disliked.size())));
    }

    /** Stories by the answers that cited them (an answer quoting two of a story's reports counts once). */
    static List<InsightsReport.CitedStory> topStories(List<QuestionLog.Rated> entries, Map<String, InsightsReport.CitedArticle> cited) {
        Map<String, Integer> answers = new HashMap<>();
        Map<String, Set<String>> reports = new HashMap<>();
        for (QuestionLog.Rated r : entries) {
            Set<String> counted = new HashSet<>();
            for (LoggedQuestion.Cited c : r.question().citations()) {
                reports.computeIfAbsent(c.story(), k -> new HashSet<>()).add(c.articleId());
                if (counted.add(c.story())) {
                    answers.merge(c.story(), 1, Integer::sum);
                }
            }
        }
        Comparator<String> mostCited = Comparator.<String>comparingInt(id -> cited.get(id).citations()).reversed()
                .thenComparing(Comparator.naturalOrder());
        return answers.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_ARTICLES)
                .map(e -> {
                    List<String> ids = reports.get(e.getKey()).stream().sorted(mostCited).toList();
                    InsightsReport.CitedArticle best = cited.get(ids.get(0));
                    return new InsightsReport.CitedStory(e.getKey(), best.title(), best.url(), e.getValue(), ids);
                })
                .toList();
    }
}
