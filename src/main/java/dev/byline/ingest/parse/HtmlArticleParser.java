package dev.byline.ingest.parse;

import dev.byline.model.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A saved web page: metadata from Open Graph / article meta tags with HTML fallbacks, body from
 * {@link HtmlText}. Values that are not what they claim to be (a relative or non-http url, a date
 * that is not ISO-8601, an author that is a profile URL) are dropped rather than stored.
 */
public final class HtmlArticleParser implements ArticleParser {

    private static final List<String> TITLE_SEPARATORS = List.of(" | ", " - ", " – ", " — ");
    private static final List<Function<String, Object>> ISO_PARSERS = List.of(
            LocalDate::parse, OffsetDateTime::parse, Instant::parse, LocalDateTime::parse);

    @Override
    public Set<String> extensions() {
        return Set.of("html", "htm");
    }

    @Override
    public List<Article> parse(Path file, String defaultId) throws ArticleParseException {
        TextFiles.checkSize(file, TextFiles.MAX_DOCUMENT_BYTES);
        Document document;
        try {
            // charset null: jsoup honours a BOM or <meta charset>, else reads UTF-8 (bad bytes become U+FFFD).
            document = Jsoup.parse(file, null, "");
        } catch (IOException | UncheckedIOException e) {
            throw new ArticleParseException(file, "cannot read HTML: " + e.getMessage(), e);
        }
        return List.of(parse(document, defaultId));
    }

    /** The article of a page already parsed (a fetched web page: feeds' linked articles); reduces {@code document} to text. */
    public Article parse(Document document, String defaultId) {
        String source = meta(document, "meta[property=og:site_name], meta[name=og:site_name]");
        String title = title(document, source);
        String url = url(document);
        String author = author(document);
        String publishedAt = publishedAt(document);
        // Last: reducing to text removes elements from the document.
        String body = HtmlText.documentToText(document);
        return new Article(defaultId, title, body, url, source, author, publishedAt);
    }

    private static String title(Document document, String siteName) {
        String og = meta(document, "meta[property=og:title], meta[name=og:title]");
        if (og != null) {
            return og;
        }
        Element titleElement = document.selectFirst("head > title, title");
        String title = titleElement == null ? null : blankToNull(titleElement.text());
        if (title != null) {
            return withoutSiteSuffix(title, siteName);
        }
        Element h1 = document.selectFirst("h1");
        return h1 == null ? null : blankToNull(h1.text());
    }

    private static String withoutSiteSuffix(String title, String siteName) {
        if (siteName == null) {
            return title;
        }
        for (String separator : TITLE_SEPARATORS) {
            String suffix = separator + siteName;
            if (title.endsWith(suffix) && title.length() > suffix.length()) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    private static String url(Document document) {
        Element canonical = document.selectFirst("link[rel~=(?i)(^|\\s)canonical(\\s|$)][href]");
        String url = canonical == null ? null : absoluteHttp(canonical.attr("href"));
        return url != null ? url : absoluteHttp(meta(document, "meta[property=og:url], meta[name=og:url]"));
    }

    private static String author(Document document) {
        String author = meta(document, "meta[name=author]");
        if (author != null) {
            return author;
        }
        String articleAuthor = meta(document, "meta[property=article:author]");
        if (articleAuthor != null && !looksLikeUrl(articleAuthor)) {
            return articleAuthor;
        }
        for (Element byline : document.select("[rel~=(?i)(^|\\s)author(\\s|$)]")) {
            String text = blankToNull(byline.text());
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String publishedAt(Document document) {
        String[] candidates = {
                meta(document, "meta[property=article:published_time]"),
                meta(document, "meta[name=date]"),
                meta(document, "meta[itemprop=datePublished]"),
                attr(document.selectFirst("time[datetime]"), "datetime")};
        for (String candidate : candidates) {
            if (candidate != null && isIsoDate(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isIsoDate(String value) {
        for (Function<String, Object> parser : ISO_PARSERS) {
            try {
                parser.apply(value);
                return true;
            } catch (DateTimeParseException ignored) {
                // try the next ISO-8601 shape
            }
        }
        return false;
    }

    private static String absoluteHttp(String candidate) {
        if (candidate == null) {
            return null;
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null ? candidate : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean looksLikeUrl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
    }

    private static String meta(Document document, String cssQuery) {
        for (Element meta : document.select(cssQuery)) {
            String content = blankToNull(meta.attr("content"));
            if (content != null) {
                return content;
            }
        }
        return null;
    }

    private static String attr(Element element, String name) {
        return element == null ? null : blankToNull(element.attr(name));
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = value.strip().replaceAll("\\s+", " ");
        return collapsed.isEmpty() ? null : collapsed;
    }
}
