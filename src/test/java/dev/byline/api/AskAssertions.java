package dev.byline.api;

import dev.byline.answer.Channel;
import dev.byline.answer.ConversationStore;
import dev.byline.model.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The promises of the ask response that hold whatever the answerer wrote. */
final class AskAssertions {

    /** A citation marker: one to three digits; "[2023]" is a date inserted after a relative one. */
    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");

    private AskAssertions() {
    }

    /** Checks the shape, the marker/citation correspondence and that every snippet is the article's own text. */
    @SuppressWarnings("unchecked")
    static void assertKeepsTheContract(Map<String, Object> response) {
        assertThat(response).containsKeys("answer", "grounded", "citations", "answerId", "conversationId", "unsupported", "highlights", "dates");
        assertThat(response.get("answerId")).as("every answer has an id for feedback").asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.get("answer")).asString().isNotBlank();
        assertThat(response.get("conversationId")).asString().matches("[A-Za-z0-9._:-]{1,100}");
        assertThat(response.get("unsupported")).isInstanceOf(List.class);
        if (response.containsKey("notice")) {
            assertThat(response.get("notice")).as("notice is omitted rather than null").isNotNull();
        }
        String answer = (String) response.get("answer");
        List<Map<String, Object>> citations = (List<Map<String, Object>>) response.get("citations");
        int previousEnd = 0;
        for (Map<String, Object> h : (List<Map<String, Object>>) response.get("highlights")) {
            int start = (Integer) h.get("start");
            int end = (Integer) h.get("end");
            assertThat(start).as("highlights in order, not overlapping").isGreaterThanOrEqualTo(previousEnd);
            assertThat(end).as("a highlight is a non-empty span of the answer").isGreaterThan(start).isLessThanOrEqualTo(answer.length());
            assertThat(answer.substring(start, end)).as("a marker is never highlighted").doesNotContain("[").doesNotContain("]");
            previousEnd = end;
        }
        if (!(Boolean) response.get("grounded")) {
            assertThat(citations).as("a refusal cites nothing").isEmpty();
            assertThat((List<?>) response.get("highlights")).as("a refusal highlights nothing").isEmpty();
            assertThat(markers(answer)).as("a refusal has no markers").isEmpty();
            return;
        }
        assertThat(citations).as("a grounded answer cites").isNotEmpty();
        for (Map<String, Object> d : (List<Map<String, Object>>) response.get("dates")) {
            String inserted = answer.substring((Integer) d.get("start"), (Integer) d.get("end"));
            assertThat(inserted).as("a resolved date is shown as an insertion holding its year").matches("\\[[^\\[\\]]*\\d{4}]");
            assertThat(answer.substring(0, (Integer) d.get("start"))).as("after its phrase").endsWith(d.get("phrase") + " ");
        }
        List<Integer> numbers = citations.stream().map(c -> (Integer) c.get("n")).toList();
        assertThat(numbers).as("one citation per n").doesNotHaveDuplicates();
        assertThat(numbers).as("every citation is used in the answer, every marker has its citation")
                .containsExactlyInAnyOrderElementsOf(markers(answer).stream().distinct().toList());
        for (Map<String, Object> c : citations) {
            assertThat(c).containsKeys("n", "articleId", "chunkId", "title", "url", "source", "publishedAt", "snippet");
            String body = given().when().get("/api/v1/articles/" + c.get("articleId"))
                    .then().statusCode(200).extract().path("body");
            assertThat(body).as("citation [%s] snippet is verbatim article text", c.get("n")).contains((String) c.get("snippet"));
        }
    }

    /** The questions of an API conversation's turns, as the server's store holds them. */
    static void assertStoredTurns(ConversationStore store, String conversationId, String... questions) {
        assertThat(store.history(Channel.API.storeKey(conversationId))).extracting(Turn::question).containsExactly(questions);
    }

    static List<Integer> markers(String answer) {
        List<Integer> out = new ArrayList<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }
}
