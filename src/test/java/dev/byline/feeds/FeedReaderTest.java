package dev.byline.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedReaderTest {

    private static final URI BASE = URI.create("https://news.example/feeds/world.xml");

    private static FeedReader.FeedDocument read(String xml) throws FetchException {
        return FeedReader.read(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", BASE, 200);
    }

    @Test
    void should_read_an_rss_item_with_its_full_text_guid_author_and_date() throws Exception {
        FeedReader.FeedDocument doc = read(FeedXml.rss("world-42", "Harbour reopens", "<p>The harbour reopened.</p>",
                "Tue, 01 Dec 2026 08:30:00 GMT"));

        assertThat(doc.title()).isEqualTo("Example News: World");
        FeedEntry entry = doc.entries().get(0);
        assertThat(entry.key()).isEqualTo("world-42");
        assertThat(entry.link()).isEqualTo("https://news.example/world/harbour");
        assertThat(entry.title()).isEqualTo("Harbour reopens");
        assertThat(entry.content()).isEqualTo("<p>The harbour reopened.</p>");
        assertThat(entry.summary()).isEqualTo("Short summary only.");
        assertThat(entry.author()).isEqualTo("Ana Reporter");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-12-01T08:30:00Z"));
    }

    @Test
    void should_read_atom_entries_with_content_or_only_a_summary() throws Exception {
        List<FeedEntry> entries = read(FeedXml.atom("/library")).entries();

        assertThat(entries).extracting(FeedEntry::key)
                .containsExactly("tag:gazette.example,2026:tram", "tag:gazette.example,2026:library");
        assertThat(entries.get(0).content()).contains("approved the new tram line");
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
        assertThat(entries.get(0).author()).isEqualTo("Bo Writer");
        assertThat(entries.get(1).content()).isNull();
        assertThat(entries.get(1).summary()).isEqualTo("The central library will open late.");
        // No published date: the updated one stands in; the relative link resolves against the feed's address.
        assertThat(entries.get(1).published()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
        assertThat(entries.get(1).link()).isEqualTo("https://news.example/library");
    }

    @Test
    void should_refuse_a_document_with_an_external_entity_without_reading_the_file(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-TOKEN");

        assertThatThrownBy(() -> read(FeedXml.xxe(secret.toUri().toString())))
                .isInstanceOf(FetchException.class)
                .hasMessage("not a readable RSS or Atom feed")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void should_refuse_nested_entities_instead_of_expanding_them() {
        assertThatThrownBy(() -> read(FeedXml.billionLaughs())).isInstanceOf(FetchException.class);
    }

    @Test
    void should_refuse_what_is_not_a_feed() {
        assertThatThrownBy(() -> read("<html><body>Not a feed</body></html>")).isInstanceOf(FetchException.class);
        assertThatThrownBy(() -> read("\u0000\u0001garbage")).isInstanceOf(FetchException.class);
    }

    @Test
    void should_keep_only_http_links() throws Exception {
        String xml = FeedXml.rss("g", "t", "<p>b</p>", "Tue, 01 Dec 2026 08:30:00 GMT")
                .replace("https://news.example/world/harbour", "javascript:alert(1)");

        assertThat(read(xml).entries().get(0).link()).isNull();
    }
}
