package dev.byline.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document with ROME. ROME's defaults are the safe ones and are kept:
 * a DOCTYPE is refused outright ({@code disallow-doctype-decl}), so neither external entities (XXE) nor nested entity
 * expansion (billion laughs) can happen, and external DTDs are never loaded. The encoding comes from the BOM, the XML
 * prolog or the HTTP {@code Content-Type}, as XML requires.
 */
final class FeedReader {

    /** A feed's title and its entries in document order. */
    record FeedDocument(String title, List<FeedEntry> entries) {
    }

    private FeedReader() {
    }

    /**
     * @param base        the address the document came from, against which relative links resolve
     * @param contentType the HTTP {@code Content-Type}, or null
     * @param maxEntries  entries beyond this many are left out
     * @throws FetchException when the document is not a feed ROME can read
     */
    static FeedDocument read(byte[] body, String contentType, URI base, int maxEntries) throws FetchException {
        SyndFeed feed;
        try (XmlReader xml = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput(); // allowDoctypes stays false: see the class comment
            feed = input.build(xml);
        } catch (FeedException | IllegalArgumentException | IOException e) {
            throw new FetchException("not a readable RSS or Atom feed");
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            if (entries.size() == maxEntries) {
                break;
            }
            String link = absoluteHttp(base, e.getLink());
            String key = blankToNull(e.getUri());
            if (key == null) {
                key = link;
            }
            if (key == null) {
                continue; // nothing to know it by on the next poll
            }
            Instant updated = instant(e.getUpdatedDate());
            Instant published = instant(e.getPublishedDate());
            entries.add(new FeedEntry(key, link, blankToNull(e.getTitle()), content(e.getContents()),
                    e.getDescription() == null ? null : blankToNull(e.getDescription().getValue()),
                    author(e), published != null ? published : updated, updated));
        }
        return new FeedDocument(blankToNull(feed.getTitle()), List.copyOf(entries));
    }

    private static String content(List<SyndContent> contents) {
        if (contents == null || contents.isEmpty()) {
            return null;
        }
        return blankToNull(contents.stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining("\n\n")));
    }

    private static String author(SyndEntry e) {
        String author = blankToNull(e.getAuthor());
        if (author != null || e.getAuthors() == null || e.getAuthors().isEmpty()) {
            return author;
        }
        return blankToNull(e.getAuthors().get(0).getName());
    }

    static String absoluteHttp(URI base, String link) {
        String candidate = blankToNull(link);
        if (candidate == null) {
            return null;
        }
        try {
            URI url = base.resolve(URI.create(candidate));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url.toString() : null;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
