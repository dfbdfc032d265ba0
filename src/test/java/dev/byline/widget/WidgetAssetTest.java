package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The widget file and the demo page as served, without a browser; and the chat API with no allowed origins configured. */
@QuarkusTest
class WidgetAssetTest {

    static final int GZIP_BUDGET = 30 * 1024;

    private static String widget() {
        Response r = given().get("/widget/byline.js");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.asString();
    }

    @Test
    void should_serve_the_widget_as_one_small_script_that_embedding_sites_may_load() throws IOException {
        Response r = given().get("/widget/byline.js");

        assertThat(r.contentType()).startsWith("text/javascript");
        assertThat(r.header("Cache-Control")).isEqualTo(AssetHeaders.WIDGET_CACHE);
        assertThat(r.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(r.asByteArray());
        }
        assertThat(zipped.size()).as("gzipped size in bytes").isLessThan(GZIP_BUDGET);
    }

    @Test
    void should_be_sent_compressed_to_browsers_that_accept_it() {
        Response r = given().header("Accept-Encoding", "gzip").get("/widget/byline.js");

        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void should_request_nothing_but_its_own_chat_endpoint() {
        String code = widget().replaceFirst("(?s)^/\\*!.*?\\*/", ""); // the leading comment shows an embed example
        assertThat(code).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
                .doesNotContain("XMLHttpRequest").doesNotContain("sendBeacon").doesNotContain("new Image")
                .doesNotContain("import(").doesNotContain("@import").doesNotContain("url(").doesNotContain("<link");
        Matcher fetches = Pattern.compile("\\bfetch\\(").matcher(code);
        assertThat(fetches.results().count()).as("three fetches: the chat request, a rating and the archive's freshness").isEqualTo(3);
        assertThat(code).contains("fetch(this.base + '/api/v1/chat'").contains("fetch(this.base + '/api/v1/feedback'")
                .contains("fetch(this.base + '/api/v1/freshness'");
    }

    @Test
    void should_build_its_markup_only_from_its_own_constant_template() {
        String code = widget();
        assertThat(Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function")
                .matcher(code).results().map(m -> m.group()).toList())
                .as("the only markup parsing is the constant template").containsExactly("innerHTML");
        assertThat(code).contains("t.innerHTML = HTML;");
    }

    @Test
    void should_serve_a_demo_page_that_embeds_the_widget() {
        Response r = given().get("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.header("Cache-Control")).isEqualTo(AssetHeaders.PAGE_CACHE);
        assertThat(r.asString()).contains("<script src=\"/widget/byline.js\"").contains("Byline");
    }

    @Test
    void should_refuse_every_other_site_when_no_origin_is_allowed() {
        given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/chat").then().statusCode(403);
        given().header("Origin", "https://news.example").contentType(ContentType.JSON)
                .body("{\"question\": \"Why?\"}").post("/api/v1/chat").then().statusCode(403);
    }
}
