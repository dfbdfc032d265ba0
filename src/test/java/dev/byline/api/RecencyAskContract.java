package dev.byline.api;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Two dated reports of a rising death toll, asked about through the public API. Pure HTTP: run on the embedded index by
 * {@link RecencyAskTest} and on SolrCloud by {@link RecencyAskSolrIT}.
 */
abstract class RecencyAskContract {

    private static final String OLDER = "local/zorvath-floods-monday";
    private static final String NEWER = "local/zorvath-floods-saturday";

    @BeforeEach
    void ingest() {
        given().contentType(ContentType.JSON).body(List.of(
                        Map.of("id", OLDER, "title", "Floods in the Zorvath valley", "source", "Valley Herald",
                                "publishedAt", "2024-10-14",
                                "body", "At least 12 people have died in the Zorvath valley floods, officials said on Monday. "
                                        + "Rescue teams are searching villages cut off by the water."),
                        Map.of("id", NEWER, "title", "Zorvath valley flood toll rises", "source", "National Wire",
                                "publishedAt", "2024-10-19",
                                "body", "The number of people who have died in the Zorvath valley floods has risen to 47, "
                                        + "officials said on Saturday. Rescue teams are still searching villages cut off by the water.")))
                .post("/api/v1/articles").then().statusCode(anyOf(is(200), is(201))); // 200 when already stored
    }

    private static Map<String, Object> ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/v1/ask")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getMap("");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_give_the_newest_figure_and_cite_the_newest_report_first__when_asked_for_the_current_state() {
        Map<String, Object> answer = ask("How many people have died in the Zorvath valley floods?");

        assertThat(answer.get("grounded")).isEqualTo(true);
        assertThat((String) answer.get("answer")).contains("47");
        List<Map<String, Object>> citations = (List<Map<String, Object>>) answer.get("citations");
        assertThat(citations.getFirst()).containsEntry("articleId", NEWER).containsEntry("publishedAt", "2024-10-19");
    }
}
