package dev.byline.widget;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedOriginsTest {

    @ParameterizedTest
    @CsvSource({
            "https://news.example,        https://news.example",
            "https://News.Example/,       https://news.example",
            "https://news.example:443,    https://news.example",
            "http://news.example:80,      http://news.example",
            "http://news.example:8080,    http://news.example:8080",
            "http://127.0.0.1:9000,       http://127.0.0.1:9000",
            "http://[::1]:9000,           http://[::1]:9000",
    })
    void should_write_origins_as_browsers_send_them(String configured, String canonical) {
        assertThat(AllowedOrigins.canonical(configured)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"news.example", "ftp://news.example", "https://news.example/path", "https://news.example?x=1",
            "https://user@news.example", "https://", "javascript:alert(1)", "null", "https://news.example#top"})
    void should_not_take_anything_but_an_http_origin(String text) {
        assertThat(AllowedOrigins.canonical(text)).isNull();
    }

    @Test
    void should_name_the_key_and_the_entry_when_one_is_not_an_origin() {
        assertThatThrownBy(() -> AllowedOrigins.of(List.of("https://ok.example", "https://news.example/articles")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("byline.widget.allowed-origins")
                .hasMessageContaining("'https://news.example/articles'");
    }

    @Test
    void should_allow_exactly_the_configured_origins() {
        AllowedOrigins origins = AllowedOrigins.of(List.of(" https://news.example ", "", "http://localhost:3000"));

        assertThat(origins.any()).isFalse();
        assertThat(origins.allows("https://news.example")).isTrue();
        assertThat(origins.allows("http://localhost:3000")).isTrue();
        assertThat(origins.allows("http://news.example")).as("another scheme").isFalse();
        assertThat(origins.allows("https://www.news.example")).as("a subdomain").isFalse();
        assertThat(origins.allows("https://news.example.evil.example")).isFalse();
        assertThat(origins.allows("null")).isFalse();
        assertThat(origins.allows(null)).isFalse();
    }

    @Test
    void should_allow_every_origin_for_a_star() {
        AllowedOrigins origins = AllowedOrigins.of(Arrays.asList("*"));

        assertThat(origins.any()).isTrue();
        assertThat(origins.allows("https://anyone.example")).isTrue();
    }

    @Test
    void should_allow_none_when_nothing_is_configured() {
        assertThat(AllowedOrigins.of(List.of()).allows("https://news.example")).isFalse();
    }

    @Test
    void should_know_the_origin_a_request_was_sent_to() {
        assertThat(AllowedOrigins.of("http", "LocalHost", 8080)).isEqualTo("http://localhost:8080");
        assertThat(AllowedOrigins.of("https", "news.example", 443)).isEqualTo("https://news.example");
        assertThat(AllowedOrigins.of("https", "news.example", -1)).isEqualTo("https://news.example");
        assertThat(AllowedOrigins.of("http", null, 80)).isNull();
    }
}
