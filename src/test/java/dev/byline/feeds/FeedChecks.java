package dev.byline.feeds;

import io.restassured.path.json.JsonPath;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** What a user of Byline sees of the feeds: articles through the API, metrics at /q/metrics. */
final class FeedChecks {

    private FeedChecks() {
    }

    /** The id the feed's entry with this guid (or Atom id, or link) is stored under. */
    static String idOf(FeedService feeds, String feedName, String key) {
        Feed feed = feeds.feeds().stream().filter(f -> f.name().equals(feedName)).findFirst().orElseThrow();
        return EntryArticles.articleId(feed, new FeedEntry(key, null, null, null, null, null, null, null));
    }

    static JsonPath article(String id) {
        return given().when().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
    }

    static int articleStatus(String id) {
        return given().when().get("/api/v1/articles/" + id).then().extract().statusCode();
    }

    static int totalArticles() {
        return given().when().get("/api/v1/articles?limit=1").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    /** A sample's value at /q/metrics, e.g. {@code metric("byline_feed_failures_total", "feed=\"broken\"")}; NaN when absent. */
    static double metric(String name, String labels) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(text);
        while (m.find()) {
            if ((m.group(1) == null ? "" : m.group(1)).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}
