package dev.byline.ingest;

import dev.byline.model.Article;
import dev.byline.model.PublishedDates;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks articles against the API contract and puts them in stored form: HTML bodies reduced to
 * text, line endings unified, surrounding white space trimmed, a content-derived id when absent.
 */
public final class ArticleValidator {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._/:-]{1,200}");
    private static final int MAX_TITLE = 1_000;
    private static final int MAX_META = 2_000;
    /** Control characters other than tab and newline never belong in news text and can break clients. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    /**
     * @return the articles in stored form, in order
     * @throws InvalidArticlesException naming every offending field when any article is invalid
     */
    public List<Article> normalize(List<Article> articles) {
        List<Violation> violations = new ArrayList<>();
        List<Article> normalized = new ArrayList<>(articles.size());
        Map<String, Integer> seenIds = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = normalizeOne(i, articles.get(i), violations);
            if (a != null && a.id() != null) {
                Integer first = seenIds.putIfAbsent(a.id(), i);
                if (first != null) {
                    violations.add(new Violation(i, "id", "repeats the id of articles[" + first + "] in the same request"));
                }
            }
            normalized.add(a);
        }
        if (!violations.isEmpty()) {
            throw new InvalidArticlesException(violations);
        }
        return normalized;
    }

    private static Article normalizeOne(int i, Article a, List<Violation> violations) {
        if (a == null) {
            violations.add(new Violation(i, "(article)", "must be a JSON object"));
            return null;
        }
        int before = violations.size();
        String title = clean(a.title());
        if (title == null || title.isBlank()) {
            violations.add(new Violation(i, "title", "is required and must not be blank"));
        } else if (title.length() > MAX_TITLE) {
            violations.add(new Violation(i, "title", "is longer than " + MAX_TITLE + " characters"));
        }
        String body = clean(a.body());
        if (body != null && HtmlText.looksLikeHtml(body)) {
            body = HtmlText.toText(body);
        }
        if (body == null || body.isBlank()) {
            violations.add(new Violation(i, "body", "is required and must not be blank"));
        }
        if (a.id() != null && !ID.matcher(a.id()).matches()) {
            violations.add(new Violation(i, "id", "must be 1-200 characters of A-Z a-z 0-9 . _ / : -"));
        }
        String url = clean(a.url());
        if (url != null && !isHttpUrl(url)) {
            violations.add(new Violation(i, "url", "must be an absolute http(s) URL"));
        }
        String publishedAt = clean(a.publishedAt());
        if (publishedAt != null && !PublishedDates.isValid(publishedAt)) {
            violations.add(new Violation(i, "publishedAt", "must be an ISO-8601 date or date-time, e.g. 2024-08-29 or 2024-08-29T10:15:00Z"));
        }
        String source = clean(a.source());
        String author = clean(a.author());
        checkLength(i, "source", source, violations);
        checkLength(i, "author", author, violations);
        if (violations.size() > before) {
            return null;
        }
        String id = a.id() != null ? a.id() : ContentHashes.derivedId(title, body);
        return new Article(id, title.strip(), body.strip(), url, source, author, publishedAt, a.publishedAtSource());
    }

    private static void checkLength(int i, String field, String value, List<Violation> violations) {
        if (value != null && value.length() > MAX_META) {
            violations.add(new Violation(i, field, "is longer than " + MAX_META + " characters"));
        }
    }

    /** Unifies line endings and drops control characters; blank optional values become absent. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = CONTROL.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        return s.isBlank() ? null : s;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
