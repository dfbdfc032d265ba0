package dev.byline.ingest;

import dev.byline.ingest.parse.HtmlText;
import dev.byline.model.Article;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts articles in stored form and checks them against the API contract, for the API and folder ingest alike.
 * Stored form: every text field reduced to text (HTML bodies, and titles, outlets and authors sent as markup, lose
 * their tags, and script-like elements their content), control characters dropped, line endings unified,
 * surrounding white space trimmed, a content-derived id when none is given. The rules are Bean Validation
 * constraints on {@link Candidate}, checked on the stored form, so a body that is only markup is a blank body.
 */
public final class ArticleValidator {

    /**
     * Room to spare for news: long reads run to 100 KB of text; the embedding time grows with the size (30 s a megabyte
     * on two cores). The default of {@code byline.ingest.max-article-size}.
     */
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 256 * 1024;
    static final int MAX_TITLE = 1_000;
    static final int MAX_META = 2_000;
    /** Control characters other than tab and newline never belong in news text and can break clients. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Validator validator;
    private final long maxArticleBytes;

    /** With its own validator and the default size limit: for commands and tests without CDI. */
    public ArticleValidator() {
        this(DEFAULT_MAX_ARTICLE_BYTES);
    }

    /** With its own validator, outside CDI. */
    public ArticleValidator(long maxArticleBytes) {
        this(Defaults.VALIDATOR, maxArticleBytes);
    }

    /** @param maxArticleBytes the largest body, in bytes of UTF-8 text once reduced to text ({@code byline.ingest.max-article-size}) */
    public ArticleValidator(Validator validator, long maxArticleBytes) {
        this.validator = validator;
        this.maxArticleBytes = maxArticleBytes;
    }

    /** An article in stored form, about to be checked; {@code id} may still be absent. */
    record Candidate(
            @ArticleConstraints.ArticleId String id,
            @NotBlank(message = "is required and must not be blank")
            @Size(max = MAX_TITLE, message = "is longer than {max} characters") String title,
            @NotBlank(message = "is required and must not be blank") String body,
            @ArticleConstraints.HttpUrl String url,
            @Size(max = MAX_META, message = "is longer than {max} characters") String source,
            @Size(max = MAX_META, message = "is longer than {max} characters") String author,
            @ArticleConstraints.IsoDate String publishedAt,
            String publishedAtSource) {

        /** The id it will be stored under: the given one, or one derived from title and body. */
        String effectiveId() {
            if (id != null) {
                return id;
            }
            return title == null || body == null ? null : ContentHashes.derivedId(title, body);
        }

        Article toArticle() {
            return new Article(effectiveId(), title, body, url, source, author, publishedAt, publishedAtSource);
        }
    }

    /** The articles of one request or file; the property path of each violation is {@code articles[i].field}. */
    @ArticleConstraints.DistinctIds
    record Batch(List<@NotNull(message = "must be a JSON object") @Valid Candidate> articles) {
    }

    /**
     * @return the articles in stored form, in order
     * @throws ArticleTooLargeException when an article's body is over the size limit (checked first: nothing else is)
     * @throws InvalidArticlesException naming every offending field when any article is invalid
     */
    public List<Article> normalize(List<Article> articles) {
        List<Candidate> candidates = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Candidate c = storedForm(articles.get(i));
            if (c != null && c.body() != null && tooLarge(c.body())) {
                throw new ArticleTooLargeException(i, maxArticleBytes);
            }
            candidates.add(c);
        }
        Set<ConstraintViolation<Batch>> violations = validator.validate(new Batch(candidates));
        if (!violations.isEmpty()) {
            throw new InvalidArticlesException(violations);
        }
        return candidates.stream().map(Candidate::toArticle).toList();
    }

    private static Candidate storedForm(Article a) {
        if (a == null) {
            return null;
        }
        String body = clean(a.body());
        if (body != null && HtmlText.looksLikeHtml(body)) {
            body = HtmlText.toText(body);
        }
        return new Candidate(a.id(), strip(line(a.title())), strip(body), clean(a.url()), line(a.source()), line(a.author()),
                clean(a.publishedAt()), a.publishedAtSource());
    }

    /** A one-line field (title, outlet, author): markup reduced to its text, as for bodies, and kept on one line. */
    private static String line(String value) {
        String s = clean(value);
        return s != null && HtmlText.looksLikeHtml(s) ? strip(SPACES.matcher(HtmlText.toText(s)).replaceAll(" ")) : s;
    }

    /** Unifies line endings and drops control characters; blank values become absent. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = CONTROL.matcher(value.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        return s.isBlank() ? null : s;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A UTF-16 char is 1 to 3 bytes of UTF-8 (a pair 4): the length settles most cases without encoding. */
    private boolean tooLarge(String body) {
        if (body.length() > maxArticleBytes || 3L * body.length() <= maxArticleBytes) {
            return body.length() > maxArticleBytes;
        }
        return body.getBytes(StandardCharsets.UTF_8).length > maxArticleBytes;
    }

    /** Built once, on first use outside CDI; literal messages need no expression language. */
    private static final class Defaults {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    }
}
