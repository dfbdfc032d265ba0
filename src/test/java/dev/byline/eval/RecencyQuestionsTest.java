package dev.byline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.PublishedDates;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the recency set ({@code eval/recency-questions.jsonl} over {@code eval/recency-reports/}): each
 * current-state question's key is in its story's newest report and in none of the older ones, each older
 * figure is in an older report, and no story is in both splits.
 */
class RecencyQuestionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> questions = lines("eval/recency-questions.jsonl");
    private final Map<String, JsonNode> reports = lines("eval/recency-reports/reports.jsonl").stream()
            .collect(Collectors.toMap(r -> r.path("id").asText(), r -> r));

    private static List<JsonNode> lines(String resource) {
        List<JsonNode> out = new ArrayList<>();
        try (var in = RecencyQuestionsTest.class.getClassLoader().getResourceAsStream(resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return out;
    }

    private static String text(JsonNode report) {
        return (report.path("title").asText() + " " + report.path("body").asText()).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean holds(JsonNode report, String key) {
        return text(report).contains(key.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    private List<JsonNode> storyReports(String story) {
        return reports.values().stream().filter(r -> r.path("id").asText().startsWith("recency/" + story + "-"))
                .sorted(Comparator.comparing(r -> PublishedDates.parse(r.path("publishedAt").asText()))).toList();
    }

    @Test
    void should_tell_at_least_40_stories_each_in_two_or_more_dated_reports() {
        Set<String> stories = questions.stream().map(q -> q.path("story").asText()).collect(Collectors.toSet());

        assertThat(stories).hasSizeGreaterThanOrEqualTo(40);
        for (String story : stories) {
            assertThat(storyReports(story)).as(story).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(r -> assertThat(PublishedDates.isValid(r.path("publishedAt").asText())).isTrue());
        }
    }

    @Test
    void should_keep_each_story_in_one_split__with_controls_in_both() {
        Map<String, Set<String>> splits = new HashMap<>();
        questions.forEach(q -> splits.computeIfAbsent(q.path("story").asText(), s -> new java.util.HashSet<>()).add(q.path("split").asText()));

        assertThat(splits.values()).allSatisfy(s -> assertThat(s).hasSize(1));
        for (String split : List.of("dev", "test")) {
            assertThat(questions).filteredOn(q -> q.path("split").asText().equals(split) && !q.path("current_state").asBoolean())
                    .hasSizeGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void should_key_each_current_state_question_to_the_newest_report_only() {
        for (JsonNode q : questions.stream().filter(q -> q.path("current_state").asBoolean()).toList()) {
            List<JsonNode> told = storyReports(q.path("story").asText());
            JsonNode newest = told.getLast();
            String id = q.path("id").asText();
            assertThat(q.path("gold")).as(id).hasSize(1);
            assertThat(q.path("gold").get(0).asText()).as(id).isEqualTo(newest.path("id").asText());
            for (JsonNode key : q.path("answer_keys")) {
                assertThat(holds(newest, key.asText())).as(id + " key in the newest report").isTrue();
                assertThat(told.subList(0, told.size() - 1)).as(id + " key in no older report")
                        .noneMatch(r -> holds(r, key.asText()));
            }
            for (JsonNode older : q.path("older_keys")) {
                assertThat(told.subList(0, told.size() - 1)).as(id + " older figure in an older report")
                        .anyMatch(r -> holds(r, older.asText()));
            }
        }
    }

    @Test
    void should_key_each_control_question_to_the_reports_that_hold_its_answer() {
        for (JsonNode q : questions.stream().filter(q -> !q.path("current_state").asBoolean()).toList()) {
            assertThat(q.path("gold")).as(q.path("id").asText()).isNotEmpty()
                    .allSatisfy(g -> assertThat(holds(reports.get(g.asText()), q.path("answer_keys").get(0).asText())).isTrue());
        }
    }

    @Test
    void should_read_as_an_eval_question_file() {
        assertThat(QuestionFile.bundled("eval/recency-questions.jsonl")).hasSize(questions.size());
    }
}
