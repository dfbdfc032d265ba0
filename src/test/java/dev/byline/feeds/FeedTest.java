package dev.byline.feeds;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedTest {

    private static FeedsConfig.FeedConfig feed(String url, Duration interval, String name, String source) {
        return new FeedsConfig.FeedConfig() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public Optional<String> source() {
                return Optional.ofNullable(source);
            }

            @Override
            public Optional<String> name() {
                return Optional.ofNullable(name);
            }
        };
    }

    private static FeedsConfig config(FeedsConfig.FeedConfig... feeds) {
        return new FeedsConfig() {
            @Override
            public Optional<List<FeedConfig>> feeds() {
                return Optional.of(List.of(feeds));
            }

            @Override
            public FeedFetch feedFetch() {
                throw new UnsupportedOperationException("not read by Feed.from");
            }
        };
    }

    @Test
    void should_name_feeds_after_their_host_unless_named() {
        List<Feed> feeds = Feed.from(config(
                feed("https://News.Example/world.xml", Duration.ofMinutes(15), null, "Example News"),
                feed("https://news.example/business.xml", Duration.ofMinutes(5), null, "  "),
                feed("http://other.example/rss", Duration.ofHours(1), "other", null)));

        assertThat(feeds).extracting(Feed::name).containsExactly("news.example", "news.example-2", "other");
        assertThat(feeds).extracting(Feed::source).containsExactly("Example News", null, null);
        assertThat(feeds.get(1).interval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void should_stop_the_start_naming_the_key_of_a_mistyped_feed() {
        Duration often = Duration.ofMinutes(15);
        assertThatThrownBy(() -> Feed.from(config(feed("https://a.example/rss", often, null, null), feed("news.example/rss", often, null, null))))
                .hasMessage("byline.ingest.feeds[1].url: must be an absolute http(s) URL without user info");
        assertThatThrownBy(() -> Feed.from(config(feed("file:///etc/passwd", often, null, null))))
                .hasMessageStartingWith("byline.ingest.feeds[0].url:");
        assertThatThrownBy(() -> Feed.from(config(feed("https://a.example/rss", Duration.ofSeconds(5), null, null))))
                .hasMessageStartingWith("byline.ingest.feeds[0].interval: must be at least 30s");
        assertThatThrownBy(() -> Feed.from(config(feed("https://a.example/rss", often, "a b", null))))
                .hasMessageStartingWith("byline.ingest.feeds[0].name:");
        assertThatThrownBy(() -> Feed.from(config(feed("https://a.example/rss", often, "x", null), feed("https://b.example/rss", often, "x", null))))
                .hasMessage("byline.ingest.feeds[1].name: 'x' names another feed too");
    }

    @Test
    void should_give_an_entry_the_same_id_in_every_feed_of_its_outlet_unless_its_guid_is_a_bare_name() {
        Feed world = new Feed("world", java.net.URI.create("https://news.example/world.xml"), Duration.ofMinutes(15), null);
        Feed top = new Feed("top", java.net.URI.create("https://news.example/top.xml"), Duration.ofMinutes(15), null);
        FeedEntry permalink = new FeedEntry("https://news.example/2026/harbour", null, null, null, null, null, null, null);
        FeedEntry bare = new FeedEntry("12345", null, null, null, null, null, null, null);

        assertThat(EntryArticles.articleId(world, permalink)).isEqualTo(EntryArticles.articleId(top, permalink))
                .matches("feed/news\\.example/[0-9a-f]{16}");
        assertThat(EntryArticles.articleId(world, bare)).isNotEqualTo(EntryArticles.articleId(top, bare));
    }
}
