package dev.byline.api;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The articles endpoints' contract, pure HTTP: run on the embedded index by {@link ArticlesResourceTest} and on SolrCloud
 * by {@link ArticlesResourceSolrIT}.
 */
abstract class ArticlesContract {

    private static final String BODY = "The city council voted to build a tram line to the airport. "
            + "Work begins next spring and should take three years. The line will have twelve stops.";

    private static Map<String, Object> article(String id, String title, String body) {
        return Map.of("id", id, "title", title, "body", body, "url", "https://news.example/" + id,
                "source", "Example News", "author", "A. Reporter", "publishedAt", "2024-05-01T09:30:00Z");
    }

    @Test
    void should_create_an_article_and_return_every_field() {
        String story = given().contentType(ContentType.JSON).body(article("local/tram-1", "Tram to the airport", BODY))
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .body("articles[0].id", equalTo("local/tram-1"))
                .body("articles[0].status", equalTo("created"))
                .body("articles[0].chunks", greaterThan(0))
                .extract().path("articles[0].storyId");

        given().when().get("/api/v1/articles/local/tram-1")
                .then().statusCode(200)
                .body("id", equalTo("local/tram-1"))
                .body("title", equalTo("Tram to the airport"))
                .body("body", equalTo(BODY))
                .body("url", equalTo("https://news.example/local/tram-1"))
                .body("source", equalTo("Example News"))
                .body("author", equalTo("A. Reporter"))
                .body("publishedAt", equalTo("2024-05-01T09:30:00Z"))
                .body("publishedAtSource", equalTo("metadata"))
                .body("storyId", equalTo(story));
    }

    @Test
    void should_answer_200_unchanged_when_the_same_article_is_posted_again() {
        var a = article("local/tram-2", "Tram again", BODY + " Unique sentence two.");
        String story = given().contentType(ContentType.JSON).body(a).post("/api/v1/articles").then().statusCode(201)
                .body("articles[0].storyId", notNullValue()).extract().path("articles[0].storyId");

        given().contentType(ContentType.JSON).body(a).when().post("/api/v1/articles")
                .then().statusCode(200).body("articles[0].status", equalTo("unchanged"))
                .body("articles[0].storyId", equalTo(story));
    }

    @Test
    void should_replace_an_article_on_upsert_so_its_old_passages_disappear_from_search() {
        given().contentType(ContentType.JSON).body(article("local/zoo", "Zoo news", "The zoo welcomed a baby okapi named Zuri."))
                .post("/api/v1/articles").then().statusCode(201);
        given().contentType(ContentType.JSON).body(article("local/zoo", "Zoo news", "The zoo opened a new reptile house."))
                .when().post("/api/v1/articles").then().statusCode(200).body("articles[0].status", equalTo("updated"));

        given().contentType(ContentType.JSON).body(Map.of("query", "baby okapi Zuri", "k", 10, "filters", Map.of("articleIds", new String[]{"local/zoo"})))
                .when().post("/api/v1/search")
                .then().statusCode(200).body("hits.snippet", everyItem(not(containsString("okapi"))));
    }

    @Test
    void should_ingest_a_batch_and_mark_the_syndicated_copy_as_duplicate() {
        String wire = "Storms closed the mountain pass for a second day. Drivers were told to wait in the valley town.";
        given().contentType(ContentType.JSON)
                .body(new Object[]{article("wire/storm", "Pass closed", wire), article("paper/storm", "Mountain pass shut", wire)})
                .when().post("/api/v1/articles")
                .then().statusCode(201)
                .body("articles.status", equalTo(java.util.List.of("created", "duplicate")))
                .body("articles[1].duplicateOf", equalTo("wire/storm"));
    }

    @Test
    void should_delete_an_article_whose_id_contains_slashes() {
        given().contentType(ContentType.JSON).body(article("business/2024/001", "Shares fall", "Shares fell sharply on Friday after the profit warning."))
                .post("/api/v1/articles").then().statusCode(201);

        given().when().delete("/api/v1/articles/business/2024/001").then().statusCode(204);
        given().when().get("/api/v1/articles/business/2024/001")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().delete("/api/v1/articles/business/2024/001").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void should_list_articles_a_page_at_a_time() {
        for (String id : new String[]{"list/a", "list/b", "list/c"}) {
            given().contentType(ContentType.JSON).body(article(id, "Listing " + id, "Distinct body for " + id + " listing test."))
                    .post("/api/v1/articles").then().statusCode(201);
        }
        String next = given().queryParam("after", "list/").queryParam("limit", 2).when().get("/api/v1/articles")
                .then().statusCode(200)
                .body("articles.id", equalTo(java.util.List.of("list/a", "list/b")))
                .body("articles[0].body", nullValue())
                .extract().path("next");
        given().queryParam("after", next).queryParam("limit", 1).when().get("/api/v1/articles")
                .then().statusCode(200).body("articles.id", equalTo(java.util.List.of("list/c")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing title           | {\"body\":\"Some text.\"}                                      | articles[0].title",
            "blank body              | {\"title\":\"T\",\"body\":\"   \"}                               | articles[0].body",
            "title not a string      | {\"title\":42,\"body\":\"Some text.\"}                          | articles[0].title",
            "bad id characters       | {\"id\":\"a b\",\"title\":\"T\",\"body\":\"B.\"}                  | articles[0].id",
            "relative url            | {\"title\":\"T\",\"body\":\"B.\",\"url\":\"/news/1\"}             | articles[0].url",
            "javascript url          | {\"title\":\"T\",\"body\":\"B.\",\"url\":\"javascript:alert(1)\"} | articles[0].url",
            "bad date                | {\"title\":\"T\",\"body\":\"B.\",\"publishedAt\":\"yesterday\"}    | articles[0].publishedAt",
            "date past year 9999     | {\"title\":\"T\",\"body\":\"B.\",\"publishedAt\":\"+999999999-12-31T23:59:59Z\"} | articles[0].publishedAt",
            "date before year 1      | {\"title\":\"T\",\"body\":\"B.\",\"publishedAt\":\"-999999999-01-01\"} | articles[0].publishedAt",
            "body only markup        | {\"title\":\"T\",\"body\":\"<script>alert(1)</script>\"}       | articles[0].body",
            "title only markup       | {\"title\":\"<script>x</script>\",\"body\":\"B.\"}              | articles[0].title",
            "null in the array       | [{\"title\":\"T\",\"body\":\"B.\"}, null]                        | articles[1]",
            "id repeated in request  | [{\"id\":\"r/1\",\"title\":\"T\",\"body\":\"B.\"},{\"id\":\"r/1\",\"title\":\"U\",\"body\":\"C.\"}] | articles[1].id",
            "repeated key            | {\"title\":\"T\",\"title\":\"U\",\"body\":\"B.\"}              | title",
            "array item not object   | [\"just a string\"]                                          | articles[0]",
            "not an article at all   | 42                                                           | articles",
            "empty array             | []                                                           | articles",
    })
    void should_refuse_bad_input_with_a_problem_naming_the_field(String name, String json, String field) {
        given().contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(field));
    }

    /** JAX-RS answers a query parameter it cannot convert with 404, naming nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "501", "-1", "99999999999", "1.5", "1e3"})
    void should_refuse_a_page_size_that_is_not_1_to_500_naming_limit(String limit) {
        given().queryParam("limit", limit).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("limit"));
    }

    /** Each of these ids would be stored and then never found again at /api/v1/articles/{id}: a URL path loses its dots and empty segments. */
    @ParameterizedTest
    @ValueSource(strings = {"a/../b", "./x", "../x", "a/./b", "a//b", "a/", "/a", ".", "..", "x/..", "a\nb", "a\u0000b", "a\u202Eb", "a%2Fb", "a b"})
    void should_refuse_an_id_that_cannot_be_read_back_and_store_nothing(String id) {
        given().contentType(ContentType.JSON).body(Map.of("id", id, "title", "Unreachable", "body", "An article no one could read back."))
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("articles[0].id"));

        given().queryParam("after", "").queryParam("limit", 500).when().get("/api/v1/articles")
                .then().statusCode(200).body("articles.title", not(hasItem("Unreachable")));
    }

    @ParameterizedTest
    @ValueSource(strings = {".hidden", "a/.b", "...", "a..b/c.", "x:y/z", "-_-", "2024/05/01/rates"})
    void should_read_and_delete_back_every_id_it_accepts(String id) {
        given().contentType(ContentType.JSON).body(article(id, "Round trip " + id, "Round trip of the id " + id + " through the API."))
                .when().post("/api/v1/articles").then().statusCode(201).body("articles[0].id", equalTo(id));

        given().when().get("/api/v1/articles/" + id).then().statusCode(200).body("id", equalTo(id));
        given().when().delete("/api/v1/articles/" + id).then().statusCode(204);
        given().when().get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void should_store_markup_in_title_source_and_author_as_text() {
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "html/title", "title", "<b>new</b> rates <script>alert(1)</script>", "body", "Rates were held.",
                        "source", "<i>Example</i> <img src=x onerror=alert(1)>News", "author", "<a href=\"javascript:x\">A. Reporter</a>"))
                .post("/api/v1/articles").then().statusCode(201);

        given().when().get("/api/v1/articles/html/title")
                .then().statusCode(200)
                .body("title", equalTo("new rates"))
                .body("source", equalTo("Example News"))
                .body("author", equalTo("A. Reporter"));
    }

    @Test
    void should_refuse_an_article_over_the_size_limit_with_413_naming_it_and_store_none_of_the_batch() {
        String big = "The harbour board met again on Tuesday. ".repeat(7_000); // 280 KB; the test profile allows 256 KB an article
        String batch = "[{\"id\":\"size/ok\",\"title\":\"Fine\",\"body\":\"A small article.\"},"
                + "{\"id\":\"size/big\",\"title\":\"Long read\",\"body\":\"" + big + "\"}]";

        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("articles[1].body"))
                .body("detail", containsString("byline.ingest.max-article-size"));

        given().when().get("/api/v1/articles/size/ok").then().statusCode(404);
    }

    @Test
    void should_refuse_an_id_over_200_characters() {
        given().contentType(ContentType.JSON).body(Map.of("id", "x".repeat(201), "title", "T", "body", "B."))
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("articles[0].id"));
    }

    @Test
    void should_name_the_index_of_the_bad_article_and_store_none_of_the_batch() {
        String batch = """
                [{"id":"batch/ok-1","title":"Fine","body":"A perfectly good article."},
                 {"id":"batch/ok-2","title":"Fine too","body":"Another good article."},
                 {"id":"batch/bad","title":"","body":"No title."}]""";

        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("articles[2].title"))
                .body("errors.field", hasItem("articles[2].title"));

        given().when().get("/api/v1/articles/batch/ok-1").then().statusCode(404);
    }

    @Test
    void should_refuse_malformed_json() {
        given().contentType(ContentType.JSON).body("{\"title\": \"unterminated")
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void should_refuse_another_content_type_with_415() {
        given().contentType(ContentType.TEXT).body("title: hello")
                .when().post("/api/v1/articles")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void should_refuse_a_body_over_the_size_limit_with_413() {
        String huge = "x".repeat(1_100_000); // the test profile allows 1 MB
        given().contentType(ContentType.JSON).body(Map.of("id", "big/1", "title", "Big", "body", huge))
                .when().post("/api/v1/articles")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("body"));

        given().when().get("/api/v1/articles/big/1").then().statusCode(404);
    }

    @Test
    void should_store_html_as_inert_text() {
        given().contentType(ContentType.JSON)
                .body(Map.of("id", "html/1", "title", "Markup", "body", "<p>Hello <img src=x onerror=alert(1)> reader.</p><script>steal()</script>"))
                .post("/api/v1/articles").then().statusCode(201);

        given().when().get("/api/v1/articles/html/1")
                .then().statusCode(200)
                .body("body", not(containsString("<")))
                .body("body", not(containsString("steal")))
                .body("body", containsString("Hello"));
    }
}
