package dev.byline.feeds;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.testsupport.InjectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.byline.feeds.FeedChecks.article;
import static dev.byline.feeds.FeedChecks.idOf;
import static dev.byline.feeds.FeedChecks.metric;
import static dev.byline.feeds.FeedChecks.totalArticles;
import static org.assertj.core.api.Assertions.assertThat;

/** Feeds become articles: RSS and Atom, conditional GET, linked pages for summaries, updates as upserts. */
@QuarkusTest
@TestProfile(FeedsProfile.class)
class FeedIngestTest {

    private static final String PAGE = """
            <html><head><title>Library opens late on Fridays | Atom Gazette</title><script>var tracking = "SCRIPT-TEXT";</script></head>
            <body><nav>Home · World · NAV-TEXT</nav>
            <article><h1>Library opens late on Fridays</h1>
            <p>The central library will stay open until 10pm every Friday from January, the council said.</p>
            <p>Readers asked for longer hours in a survey.</p></article>
            <footer>FOOTER-TEXT</footer></body></html>
            """;

    @InjectWireMock
    WireMockServer site;
    @Inject
    FeedService feeds;

    @Test
    void an_rss_item_becomes_an_article_and_an_unchanged_feed_costs_a_304() {
        site.stubFor(get("/rss.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml")
                .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Tue, 01 Dec 2026 08:31:00 GMT")
                .withBody(FeedXml.rss("world-42", "Harbour reopens after the storm",
                        "<p>The harbour reopened on Tuesday.</p><p>Ferries run again.</p>", "Tue, 01 Dec 2026 08:30:00 GMT"))));
        site.stubFor(get("/rss.xml").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));

        FeedStatus first = feeds.pollNow("rss").orElseThrow();

        assertThat(first.consecutiveFailures()).isZero();
        assertThat(first.lastIngest()).isEqualTo(first.lastSuccess());
        JsonPath a = article(idOf(feeds, "rss", "world-42"));
        assertThat(a.getString("title")).isEqualTo("Harbour reopens after the storm");
        assertThat(a.getString("body")).isEqualTo("The harbour reopened on Tuesday.\n\nFerries run again.");
        assertThat(a.getString("source")).isEqualTo("Example News");
        assertThat(a.getString("author")).isEqualTo("Ana Reporter");
        assertThat(a.getString("url")).isEqualTo("https://news.example/world/harbour");
        assertThat(a.getString("publishedAt")).isEqualTo("2026-12-01T08:30:00Z");
        assertThat(a.getString("publishedAtSource")).isEqualTo("feed");

        int articles = totalArticles();
        double ingested = metric("byline_feed_entries_ingested_total", "feed=\"rss\",status=\"created\"");
        FeedStatus second = feeds.pollNow("rss").orElseThrow();

        site.verify(1, getRequestedFor(urlEqualTo("/rss.xml")).withHeader("If-None-Match", absent()));
        site.verify(1, getRequestedFor(urlEqualTo("/rss.xml")).withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Tue, 01 Dec 2026 08:31:00 GMT")));
        assertThat(second.consecutiveFailures()).isZero();
        assertThat(second.lastSuccess()).isAfterOrEqualTo(first.lastSuccess());
        assertThat(second.lastIngest()).isEqualTo(first.lastIngest());
        assertThat(totalArticles()).isEqualTo(articles);
        assertThat(metric("byline_feed_entries_ingested_total", "feed=\"rss\",status=\"created\"")).isEqualTo(ingested).isEqualTo(1.0);
    }

    @Test
    void an_atom_entry_with_only_a_summary_is_read_from_its_page() {
        site.stubFor(get("/atom.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                .withBody(FeedXml.atom(site.baseUrl() + "/pages/library.html"))));
        site.stubFor(get("/pages/library.html").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(PAGE)));

        assertThat(feeds.pollNow("atom").orElseThrow().consecutiveFailures()).isZero();

        JsonPath tram = article(idOf(feeds, "atom", "tag:gazette.example,2026:tram"));
        assertThat(tram.getString("body")).isEqualTo("The city council approved the new tram line on Monday.\n\nWorks begin in spring.");
        assertThat(tram.getString("source")).isEqualTo("Atom Gazette");
        assertThat(tram.getString("publishedAt")).isEqualTo("2026-11-30T09:15:00Z");
        JsonPath library = article(idOf(feeds, "atom", "tag:gazette.example,2026:library"));
        assertThat(library.getString("body"))
                .startsWith("Library opens late on Fridays")
                .contains("The central library will stay open until 10pm every Friday from January, the council said.")
                .doesNotContain("SCRIPT-TEXT", "NAV-TEXT", "FOOTER-TEXT", "<p>");
        assertThat(library.getString("publishedAt")).isEqualTo("2026-11-29T08:00:00Z");
        site.verify(1, getRequestedFor(urlEqualTo("/pages/library.html")));

        // Polled again unchanged (this server sends no validators): the entries are skipped, the page is not fetched again.
        feeds.pollNow("atom").orElseThrow();
        site.verify(1, getRequestedFor(urlEqualTo("/pages/library.html")));
    }

    @Test
    void an_entry_whose_page_fails_keeps_its_summary_until_the_page_can_be_read() {
        // A feed with validators; the linked page answers 503 at first.
        String guid = "tag:late.example,2026:library";
        site.stubFor(get("/late.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                .withHeader("ETag", "\"a1\"").withBody(lateFeed())));
        site.stubFor(get("/late.xml").atPriority(1).withHeader("If-None-Match", equalTo("\"a1\""))
                .willReturn(aResponse().withStatus(304)));
        site.stubFor(get("/pages/late.html").willReturn(aResponse().withStatus(503)));

        feeds.pollNow("late").orElseThrow();
        assertThat(article(idOf(feeds, "late", guid)).getString("body")).isEqualTo("The central library will open late.");

        site.stubFor(get("/pages/late.html").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(PAGE)));
        feeds.pollNow("late").orElseThrow();

        // The document was asked for again in full (its validators were not kept), and the page read this time.
        site.verify(0, getRequestedFor(urlEqualTo("/late.xml")).withHeader("If-None-Match", equalTo("\"a1\"")));
        assertThat(article(idOf(feeds, "late", guid)).getString("body"))
                .contains("The central library will stay open until 10pm every Friday from January, the council said.");

        // The entry changes while its page fails again: the article keeps the page's text, not the new summary.
        site.stubFor(get("/late.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                .withBody(lateFeed().replace("will open late.", "will open late, from January."))));
        site.stubFor(get("/pages/late.html").willReturn(aResponse().withStatus(503)));
        feeds.pollNow("late").orElseThrow();

        assertThat(article(idOf(feeds, "late", guid)).getString("body"))
                .contains("The central library will stay open until 10pm every Friday from January, the council said.");
    }

    @Test
    void an_updated_entry_replaces_its_article_and_an_unchanged_one_is_skipped() {
        String guid = "https://news.example/2026/12/01/rates";
        serveUpdates(FeedXml.rss(guid, "Bank holds rates", "<p>The central bank held rates at 4%.</p>", "Tue, 01 Dec 2026 09:00:00 GMT"));
        feeds.pollNow("updates").orElseThrow();
        int articles = totalArticles();

        serveUpdates(FeedXml.rss(guid, "Bank holds rates, signals a cut", "<p>The central bank held rates at 4% and signalled a cut.</p>",
                "Tue, 01 Dec 2026 11:00:00 GMT"));
        feeds.pollNow("updates").orElseThrow();

        JsonPath a = article(idOf(feeds, "updates", guid));
        assertThat(totalArticles()).isEqualTo(articles);
        assertThat(a.getString("title")).isEqualTo("Bank holds rates, signals a cut");
        assertThat(a.getString("body")).isEqualTo("The central bank held rates at 4% and signalled a cut.");
        assertThat(a.getString("publishedAt")).isEqualTo("2026-12-01T11:00:00Z");
        assertThat(metric("byline_feed_entries_ingested_total", "feed=\"updates\",status=\"updated\"")).isEqualTo(1.0);

        FeedStatus unchanged = feeds.pollNow("updates").orElseThrow();
        assertThat(unchanged.lastIngest()).isBefore(unchanged.lastSuccess());
        assertThat(metric("byline_feed_entries_ingested_total", "feed=\"updates\",status=\"updated\"")).isEqualTo(1.0);
        assertThat(metric("byline_feed_entries_ingested_total", "feed=\"updates\",status=\"created\"")).isEqualTo(1.0);
    }

    /** The Atom fixture under ids of its own, so that no other test's articles share them. */
    private String lateFeed() {
        return FeedXml.atom(site.baseUrl() + "/pages/late.html").replace("tag:gazette.example", "tag:late.example");
    }

    private void serveUpdates(String xml) {
        site.stubFor(get("/updates.xml").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml").withBody(xml)));
    }
}
