package dev.byline.insights;

import java.util.List;
import java.util.Map;

/**
 * What the editors' page shows for a period: {@code GET /api/v1/admin/insights}.
 *
 * @param days        one row per day of the period, questions by channel, and refusals
 * @param unanswered  the questions the archive could not answer, grouped by topic, the largest first
 * @param topArticles the most-cited articles, the most cited first
 * @param topStories  the most-cited stories (an article and its copies by other outlets), the most cited first
 * @param disliked    answers rated 👎, the most recent first, with their comments and citations
 */
public record InsightsReport(String from, String to, Totals totals, List<Day> days, List<TopicClusters.Topic> unanswered,
                             List<CitedArticle> topArticles, List<CitedStory> topStories, List<Disliked> disliked) {

    /**
     * @param refusalRate refused / questions, 0 when there were none
     */
    public record Totals(int questions, int grounded, int refused, int fallback, double refusalRate, int up, int down) {
    }

    /** @param byChannel questions per channel ({@code api}, {@code chat}, {@code slack}, {@code webhook}), every channel present */
    public record Day(String day, Map<String, Integer> byChannel, int questions, int refused) {
    }

    public record CitedArticle(String articleId, String title, String url, int citations) {
    }

    /**
     * @param title     the title of its most-cited report
     * @param answers   answers that cited the story (once each, however many of its passages they quoted)
     * @param reports   the story's articles cited in the period, the most cited first
     */
    public record CitedStory(String storyId, String title, String url, int answers, List<String> reports) {
    }

    public record Disliked(String answerId, String at, String channel, String question, String answer, String outcome,
                           List<LoggedQuestion.Cited> citations, List<String> comments, long down, long up) {
    }
}
