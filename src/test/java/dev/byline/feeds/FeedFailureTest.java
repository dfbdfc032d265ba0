package dev.byline.feeds;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.byline.feeds.FeedChecks.article;
import static dev.byline.feeds.FeedChecks.articleStatus;
import static dev.byline.feeds.FeedChecks.idOf;
import static dev.byline.feeds.FeedChecks.metric;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Failing and hostile feeds back off without holding up the others; freshness on /q/health, the API and metrics. */
@QuarkusTest
@TestProfile(FeedsProfile.class)
class FeedFailureTest {

    @InjectWireMock
    WireMockServer site;
    @Inject
    FeedService feeds;

    @Test
    void a_failing_feed_backs_off_while_a_healthy_one_keeps_being_ingested() {
        Duration interval = Duration.ofMinutes(15);
        serve("/broken.xml", aResponse().withStatus(500).withBody("oops"));
        FeedStatus broken = feeds.pollNow("broken").orElseThrow();
        assertThat(broken.consecutiveFailures()).isEqualTo(1);
        assertThat(broken.lastError()).isEqualTo("HTTP 500");
        assertThat(Duration.between(broken.lastAttempt(), broken.nextPoll())).isEqualTo(interval.multipliedBy(2));
        servePost("healthy-1", "Tue, 01 Dec 2026 10:00:00 GMT");
        assertThat(feeds.pollNow("healthy").orElseThrow().consecutiveFailures()).isZero();

        serve("/broken.xml", aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml").withBody("<rss><channel><item>"));
        broken = feeds.pollNow("broken").orElseThrow();
        assertThat(broken.consecutiveFailures()).isEqualTo(2);
        assertThat(broken.lastError()).isEqualTo("not a readable RSS or Atom feed");
        assertThat(Duration.between(broken.lastAttempt(), broken.nextPoll())).isEqualTo(interval.multipliedBy(4));

        serve("/broken.xml", aResponse().withStatus(200).withBody("<rss/>").withFixedDelay(5_000)); // longer than the 2 s timeout
        broken = feeds.pollNow("broken").orElseThrow();
        assertThat(broken.consecutiveFailures()).isEqualTo(3);
        assertThat(broken.lastError()).isEqualTo("timed out after 2 s");
        assertThat(broken.lastSuccess()).isNull();

        servePost("healthy-2", "Tue, 01 Dec 2026 11:00:00 GMT");
        FeedStatus healthy = feeds.pollNow("healthy").orElseThrow();
        assertThat(healthy.consecutiveFailures()).isZero();
        assertThat(article(idOf(feeds, "healthy", "https://healthy.example/healthy-2")).getString("title")).isEqualTo("Post healthy-2");
        assertThat(metric("byline_feed_failures_total", "feed=\"broken\"")).isEqualTo(3.0);
        assertThat(metric("byline_feed_failures_total", "feed=\"healthy\"")).isZero();
        assertThat(metric("byline_feed_last_success_timestamp_seconds", "feed=\"broken\"")).isZero();
        assertThat(metric("byline_feed_last_success_timestamp_seconds", "feed=\"healthy\""))
                .isEqualTo(healthy.lastSuccess().toEpochMilli() / 1000.0);
    }

    @Test
    void a_hostile_feed_reads_no_local_file_and_reaches_no_internal_address(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-TOKEN");
        serve("/hostile.xml", aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml")
                .withBody(FeedXml.xxe(secret.toUri().toString())));

        FeedStatus status = feeds.pollNow("hostile").orElseThrow();

        assertThat(status.lastError()).isEqualTo("not a readable RSS or Atom feed");
        assertThat(articleStatus(idOf(feeds, "hostile", "https://hostile.example/leak"))).isEqualTo(404);

        // A summary-only entry linking to an internal address (127.0.0.1, not the feed's own host): the page is not
        // fetched, and the summary is stored instead.
        String internal = "http://127.0.0.1:" + site.port() + "/pages/internal.html";
        serve("/hostile.xml", aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                .withBody(FeedXml.atom(internal).replace("tag:gazette.example", "tag:hostile.example")));
        site.stubFor(get("/pages/internal.html").willReturn(aResponse().withStatus(200).withBody("<p>INTERNAL-ONLY</p>")));

        assertThat(feeds.pollNow("hostile").orElseThrow().consecutiveFailures()).isZero();

        JsonPath library = article(idOf(feeds, "hostile", "tag:hostile.example,2026:library"));
        assertThat(library.getString("body")).isEqualTo("The central library will open late.");
        site.verify(0, getRequestedFor(urlEqualTo("/pages/internal.html")));
    }

    @Test
    void health_the_freshness_endpoint_and_metrics_say_how_current_the_archive_is() {
        servePost("newest", "Fri, 15 Jan 2027 07:45:00 GMT");
        FeedStatus healthy = feeds.pollNow("healthy").orElseThrow();

        JsonPath health = given().when().get("/q/health").then().statusCode(200).extract().jsonPath();
        Map<String, Object> data = health.getMap("checks.find { it.name == 'freshness' }.data");
        assertThat(health.getString("checks.find { it.name == 'freshness' }.status")).isEqualTo("UP");
        assertThat(data).containsEntry("newestPublishedAt", "2027-01-15T07:45:00Z")
                .containsEntry("feeds", FakeFeeds.NAMES.size())
                .containsEntry("feed.healthy.lastSuccessfulPoll", healthy.lastSuccess().toString())
                .containsEntry("feed.healthy.lastIngest", healthy.lastIngest().toString())
                .containsEntry("feed.healthy.consecutiveFailures", 0)
                .containsEntry("feed.healthy.nextPoll", healthy.lastSuccess().plus(Duration.ofMinutes(15)).toString());

        JsonPath freshness = given().when().get("/api/v1/freshness").then().statusCode(200).extract().jsonPath();
        assertThat(freshness.getString("newestPublishedAt")).isEqualTo("2027-01-15T07:45:00Z");
        assertThat(freshness.getString("lastFeedIngest")).isNotNull();
        assertThat(freshness.getInt("articles")).isPositive();

        assertThat(metric("byline_archive_newest_published_timestamp_seconds", ""))
                .isEqualTo(java.time.Instant.parse("2027-01-15T07:45:00Z").getEpochSecond());
        assertThat(metric("byline_feed_last_ingest_timestamp_seconds", "feed=\"healthy\""))
                .isEqualTo(healthy.lastIngest().toEpochMilli() / 1000.0);
        assertThat(metric("byline_feed_entries_ingested_total", "feed=\"healthy\",status=\"created\"")).isPositive();
    }

    @Test
    void the_widgets_sites_may_read_the_freshness_endpoint_but_no_other_site() {
        given().header("Origin", "https://evil.example").when().get("/api/v1/freshness").then().statusCode(403);
        given().when().get("/api/v1/freshness").then().statusCode(200);
        assertThat(given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getMap("paths.'/api/v1/freshness'.get")).containsKey("summary");
    }

    private void serve(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        site.stubFor(get(path).willReturn(response));
    }

    /** The healthy feed, now holding one post. */
    private void servePost(String slug, String pubDate) {
        serve("/healthy.xml", aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml")
                .withBody(FeedXml.rss("https://healthy.example/" + slug, "Post " + slug, "<p>Body of " + slug + ".</p>", pubDate)));
    }
}
