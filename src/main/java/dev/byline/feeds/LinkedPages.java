package dev.byline.feeds;

import dev.byline.ingest.parse.HtmlArticleParser;
import dev.byline.model.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of the page an entry links to, for feeds that carry only a summary: fetched within the page limits and
 * reduced to the article's main text the way a saved {@code .html} file is ({@link HtmlArticleParser}: scripts, navigation
 * and other page chrome dropped, no markup kept).
 */
class LinkedPages {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([A-Za-z0-9._:-]+)");

    private final HttpFetcher http;
    private final long maxBytes;

    LinkedPages(HttpFetcher http, long maxBytes) {
        this.http = http;
        this.maxBytes = maxBytes;
    }

    /**
     * @return the page's main text (blank when it has none)
     * @throws FetchException when the page cannot be had within the limits, or is not HTML
     */
    String text(URI page) throws FetchException {
        Fetched fetched = http.get(page, "text/html, application/xhtml+xml;q=0.9", maxBytes, null, null);
        String type = fetched.contentType() == null ? "" : fetched.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            throw new FetchException("linked page is not HTML");
        }
        Document document;
        try {
            // A charset from Content-Type wins; else jsoup honours a BOM or <meta charset>, else reads UTF-8.
            document = Jsoup.parse(new ByteArrayInputStream(fetched.body()), charset(fetched.contentType()), fetched.url().toString());
        } catch (IOException e) {
            throw new FetchException("linked page is unreadable");
        }
        Article article = new HtmlArticleParser().parse(document, null);
        return article.body() == null ? "" : article.body();
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1)).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8.name();
        }
    }
}
