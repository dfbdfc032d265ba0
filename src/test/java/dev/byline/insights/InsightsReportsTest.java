package dev.byline.insights;

import dev.byline.testsupport.HashingEmbedder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The editors' most-cited stories: an article and its copies by other outlets are one row. */
class InsightsReportsTest {

    private final List<LoggedQuestion> logged = new ArrayList<>();
    private final QuestionLog log = new QuestionLog() {
        @Override
        public void record(LoggedQuestion question) {
            logged.add(question);
        }

        @Override
        public void feedback(LoggedFeedback feedback) {
        }

        @Override
        public List<Rated> between(Instant from, Instant to) {
            return logged.stream().map(q -> new Rated(q, List.of())).toList();
        }

        @Override
        public void prune() {
        }
    };

    private static LoggedQuestion.Cited cited(int n, String article, String story) {
        return new LoggedQuestion.Cited(n, article, "Title of " + article, "https://news.example/" + article, "...", story);
    }

    private void answered(String id, LoggedQuestion.Cited... citations) {
        log.record(new LoggedQuestion(id, "2026-11-30T10:00:00Z", "api", "Q " + id, null, true, "grounded", "A",
                List.of(citations), 40, "extractive", null));
    }

    @Test
    void should_count_a_story_once_per_answer_and_list_its_reports_most_cited_first() {
        answered("a1", cited(1, "wire/flood", "local/flood"), cited(2, "local/flood", "local/flood"));
        answered("a2", cited(1, "wire/flood", "local/flood"));
        answered("a3", cited(1, "paper/flood", "local/flood"), cited(2, "local/budget", "local/budget"));
        answered("a4", cited(1, "old/entry", null));

        InsightsReport report = new InsightsReports(log, new TopicClusters(new HashingEmbedder(), 0.8))
                .report(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"));

        assertThat(report.topStories()).extracting(InsightsReport.CitedStory::storyId)
                .containsExactly("local/flood", "local/budget", "old/entry");
        InsightsReport.CitedStory flood = report.topStories().get(0);
        assertThat(flood.answers()).as("a1 quoted two of its reports: one answer").isEqualTo(3);
        assertThat(flood.reports()).containsExactly("wire/flood", "local/flood", "paper/flood");
        assertThat(flood.title()).as("named by its most-cited report").isEqualTo("Title of wire/flood");
        assertThat(report.topArticles()).extracting(InsightsReport.CitedArticle::articleId).first().isEqualTo("wire/flood");
    }
}
