package dev.byline.feeds;

import java.time.Instant;
import java.util.Map;

/**
 * What Byline keeps of a feed between polls and across restarts ({@code <data-dir>/feeds/<name>.json}): the validators
 * for the next conditional GET and a fingerprint of each entry of the last document, so that an unchanged entry is
 * skipped without fetching its page again.
 *
 * @param fingerprints entry key to {@link EntryArticles#fingerprint}, for the entries of the last document read
 */
record FeedMemory(String etag, String lastModified, Map<String, String> fingerprints, Instant lastSuccess, Instant lastIngest) {

    static final FeedMemory EMPTY = new FeedMemory(null, null, Map.of(), null, null);

    FeedMemory {
        fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
    }
}
