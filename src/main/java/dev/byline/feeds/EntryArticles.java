package dev.byline.feeds;

import dev.byline.model.Article;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns feed entries into articles for the ingest service: the id from the entry's guid (or link), the date from the
 * feed ({@code publishedAtSource} {@value #DATE_FROM_FEED}), the body from the entry's full content or, when the feed
 * carries only a summary, from the linked page.
 */
final class EntryArticles {

    /** {@code publishedAtSource} of an article whose date a feed entry gave. */
    static final String DATE_FROM_FEED = "feed";

    /** The article, and whether it is whole: false when its page could not be had and the summary stands in for it. */
    record Built(Article article, boolean whole, String problem) {
    }

    private final LinkedPages pages;

    EntryArticles(LinkedPages pages) {
        this.pages = pages;
    }

    Built build(Feed feed, String feedTitle, FeedEntry entry) {
        String source = feed.source() != null ? feed.source() : feedTitle;
        String body = entry.content();
        boolean whole = true;
        String problem = null;
        if (body == null && entry.link() != null) {
            try {
                String text = pages.text(URI.create(entry.link()));
                body = text.isBlank() ? entry.summary() : text;
            } catch (FetchException e) {
                body = entry.summary();
                whole = false;
                problem = "linked page: " + e.getMessage();
            }
        } else if (body == null) {
            body = entry.summary();
        }
        String publishedAt = entry.published() == null ? null : entry.published().toString();
        Article article = new Article(articleId(feed, entry), entry.title(), body, entry.link(), source, entry.author(),
                publishedAt, publishedAt == null ? null : DATE_FROM_FEED);
        return new Built(article, whole, problem);
    }

    /**
     * {@code feed/<feed host>/<16 hex digits>}: a hash of the guid or Atom id (a URI, so the same entry in two feeds of one
     * outlet is one article), or of the feed's address and the guid when the guid is a bare name ("12345") that only means
     * something within its feed.
     */
    static String articleId(Feed feed, FeedEntry entry) {
        String key = entry.key().contains(":") ? entry.key() : feed.url() + " " + entry.key();
        String host = feed.url().getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-").replaceAll("^[.]+", "");
        return "feed/" + (host.isEmpty() ? "feed" : host) + "/" + sha256(key).substring(0, 16);
    }

    /** Changes whenever anything Byline stores of the entry changes, or its updated date moves. */
    static String fingerprint(FeedEntry e) {
        return sha256(String.join("\u0000", Objects.toString(e.title(), ""), Objects.toString(e.link(), ""),
                Objects.toString(e.content(), ""), Objects.toString(e.summary(), ""), Objects.toString(e.author(), ""),
                Objects.toString(e.published(), ""), Objects.toString(e.updated(), "")));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
