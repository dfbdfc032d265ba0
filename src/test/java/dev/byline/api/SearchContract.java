package dev.byline.api;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The search endpoint's contract, pure HTTP: run on the embedded index by {@link SearchResourceTest} and on SolrCloud by
 * {@link SearchResourceSolrIT}.
 */
abstract class SearchContract {

    @Test
    void should_find_the_demo_articles_out_of_the_box() {
        given().contentType(ContentType.JSON).body(Map.of("query", "When will Putin visit Mongolia?"))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits", hasSize(lessThanOrEqualTo(10)))
                .body("hits[0].articleId", startsWith("demo/"))
                .body("hits[0].chunkId", notNullValue())
                .body("hits[0].title", notNullValue())
                .body("hits[0].snippet", notNullValue())
                .body("hits[0].score", notNullValue());
    }

    @Test
    void should_return_the_passage_that_holds_the_answer_first() {
        given().contentType(ContentType.JSON).body(Map.of("query", "Who invited Putin to Mongolia?", "k", 3))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits", hasSize(3))
                .body("hits[0].snippet", containsString("Khürelsükh"));
    }

    @Test
    void should_honour_k_and_filters() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "Putin", "k", 2, "filters", Map.of("articleIds", List.of("demo/45db22ea0851c493"))))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits", hasSize(2))
                .body("hits.articleId", everyItem(equalTo("demo/45db22ea0851c493")));

        given().contentType(ContentType.JSON)
                .body(Map.of("query", "Putin", "filters", Map.of("publishedFrom", "2024-08-29", "publishedTo", "2024-08-29T23:59:59Z")))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits.articleId", everyItem(equalTo("demo/45db22ea0851c493")));
    }

    @Test
    void should_include_the_whole_end_day__when_publishedTo_is_a_date_without_time() {
        given().contentType(ContentType.JSON).body(Map.of("id", "local/evening-ferry", "title", "Evening ferry",
                        "body", "The quokka ferry left the harbour at dusk with its first passengers.",
                        "source", "Harbour Times", "publishedAt", "2024-08-30T18:00:00Z"))
                .post("/api/v1/articles").then().statusCode(201);

        given().contentType(ContentType.JSON)
                .body(Map.of("query", "quokka ferry", "filters", Map.of("publishedFrom", "2024-08-30", "publishedTo", "2024-08-30")))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits.articleId", hasItem("local/evening-ferry"));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "quokka ferry", "filters", Map.of("publishedTo", "2024-08-29")))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits.articleId", not(hasItem("local/evening-ferry")));
    }

    @Test
    void should_filter_by_source__as_the_contract_names_it() {
        given().contentType(ContentType.JSON).body(Map.of("id", "local/wombat-bridge", "title", "Wombat bridge",
                        "body", "A wombat crossing was built under the new bridge.", "source", "Bridge Weekly"))
                .post("/api/v1/articles").then().statusCode(201);

        given().contentType(ContentType.JSON)
                .body(Map.of("query", "wombat crossing bridge", "filters", Map.of("source", "Bridge Weekly")))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits", hasSize(1))
                .body("hits[0].source", equalTo("Bridge Weekly"));
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "wombat crossing bridge", "filters", Map.of("source", List.of("Nobody Weekly"))))
                .when().post("/api/v1/search")
                .then().statusCode(200)
                .body("hits", hasSize(0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no query         | {}                                                           | query",
            "blank query      | {\"query\":\"  \"}                                          | query",
            "k zero           | {\"query\":\"x\",\"k\":0}                                   | k",
            "k too large      | {\"query\":\"x\",\"k\":100000}                              | k",
            "k not a number   | {\"query\":\"x\",\"k\":\"ten\"}                             | k",
            "bad date filter  | {\"query\":\"x\",\"filters\":{\"publishedFrom\":\"soon\"}}   | filters.publishedFrom",
            "inverted range   | {\"query\":\"x\",\"filters\":{\"publishedFrom\":\"2025-01-01\",\"publishedTo\":\"2024-01-01\"}} | filters.publishedFrom",
            "blank source     | {\"query\":\"x\",\"filters\":{\"source\":\" \"}}     | filters.source",
            "unknown mode     | {\"query\":\"x\",\"mode\":\"magic\"}                        | mode",
            "repeated key     | {\"query\":\"x\",\"query\":\"y\"}                           | body",
            "date past 9999   | {\"query\":\"x\",\"filters\":{\"publishedFrom\":\"+999999999-12-31T23:59:59Z\"}} | filters.publishedFrom",
            "date before 1    | {\"query\":\"x\",\"filters\":{\"publishedTo\":\"-999999999-01-01\"}} | filters.publishedTo",
            "null source      | {\"query\":\"x\",\"filters\":{\"sources\":[\"BBC\",null]}}    | filters.sources[1]",
            "sources a string | {\"query\":\"x\",\"filters\":{\"sources\":\"BBC\"}}          | filters.sources",
            "filters an array | {\"query\":\"x\",\"filters\":[]}                          | filters",
            "query a number   | {\"query\":7}                                               | query",
            "k huge           | {\"query\":\"x\",\"k\":99999999999999999999999}             | k",
            "body an array    | [{\"query\":\"x\"}]                                         | body",
            "trailing data    | {\"query\":\"x\"} []                                        | body",
    })
    void should_refuse_bad_search_requests_naming_the_field(String name, String json, String field) {
        given().contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(field + ":"))
                .body("errors.field", hasItem(field));
    }

    /** Jackson's creator error on a repeated key answered 500 with an empty body before (issue 12). */
    @Test
    void should_name_a_repeated_field() {
        given().contentType(ContentType.JSON).body("{\"query\":\"x\",\"k\":3,\"query\":\"y\"}")
                .when().post("/api/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("repeats the field query"));
    }
}
