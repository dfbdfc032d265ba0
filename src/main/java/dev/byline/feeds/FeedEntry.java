package dev.byline.feeds;

import java.time.Instant;

/**
 * One entry of a feed, as the feed gives it; text fields may hold HTML (ingest reduces it to text).
 *
 * @param key       what identifies the entry across polls: its guid or Atom id, else its link
 * @param link      the entry's page, absolute http(s), or null
 * @param content   the full text ({@code content:encoded}, Atom {@code content}), or null when the feed gives only a summary
 * @param summary   {@code description} or Atom {@code summary}, or null
 * @param published when it was first published, else when last updated; null when the feed says neither
 * @param updated   when it was last updated, or null
 */
record FeedEntry(String key, String link, String title, String content, String summary, String author,
                 Instant published, Instant updated) {
}
