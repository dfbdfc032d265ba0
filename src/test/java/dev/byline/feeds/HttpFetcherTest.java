package dev.byline.feeds;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFetcherTest {

    private static WireMockServer server;
    private final HttpFetcher fetcher = new HttpFetcher(new AddressPolicy(List.of("localhost")), Duration.ofMillis(1500), 3);

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    @Test
    void should_send_the_validators_back_and_report_a_304_as_nothing_new() throws Exception {
        server.stubFor(get("/feed").willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"")
                .withHeader("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT").withBody("<rss/>")));
        server.stubFor(get("/feed").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse().withStatus(304)));

        Fetched first = fetcher.get(url("/feed"), "application/rss+xml", 1000, null, null);
        Fetched second = fetcher.get(url("/feed"), "application/rss+xml", 1000, first.etag(), first.lastModified());

        assertThat(first.notModified()).isFalse();
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(second.notModified()).isTrue();
        server.verify(1, getRequestedFor(urlEqualTo("/feed")).withHeader("If-None-Match", absent()));
        server.verify(1, getRequestedFor(urlEqualTo("/feed")).withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Tue, 01 Dec 2026 08:00:00 GMT")));
    }

    @Test
    void should_follow_redirects_to_allowed_hosts_only() throws Exception {
        server.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        server.stubFor(get("/new").willReturn(aResponse().withStatus(200).withBody("moved")));
        server.stubFor(get("/sneaky").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + server.port() + "/new")));
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThat(fetcher.get(url("/old"), "*/*", 1000, null, null).url()).isEqualTo(url("/new"));
        assertThatThrownBy(() -> fetcher.get(url("/sneaky"), "*/*", 1000, null, null))
                .hasMessageStartingWith("redirected to a refused address");
        assertThatThrownBy(() -> fetcher.get(url("/loop"), "*/*", 1000, null, null)).hasMessage("more than 3 redirects");
    }

    @Test
    void should_fail_on_http_errors_and_pass_on_retry_after() {
        server.stubFor(get("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

        assertThatThrownBy(() -> fetcher.get(url("/busy"), "*/*", 1000, null, null))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e).hasMessage("HTTP 503");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                });
    }

    @Test
    void should_stop_reading_a_body_over_the_limit() {
        server.stubFor(get("/huge").willReturn(aResponse().withStatus(200).withBody("x".repeat(50_000))));

        assertThatThrownBy(() -> fetcher.get(url("/huge"), "*/*", 10_000, null, null)).hasMessage("larger than 10000 bytes");
    }

    @Test
    void should_give_up_on_a_server_that_answers_too_slowly_or_drips_its_body() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(5_000)));
        server.stubFor(get("/drip").willReturn(aResponse().withStatus(200).withBody("y".repeat(200))
                .withChunkedDribbleDelay(50, 5_000)));

        assertThatThrownBy(() -> fetcher.get(url("/slow"), "*/*", 1000, null, null)).hasMessageStartingWith("timed out");
        assertThatThrownBy(() -> fetcher.get(url("/drip"), "*/*", 1000, null, null)).hasMessageStartingWith("timed out");
    }
}
