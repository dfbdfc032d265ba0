package dev.byline.ingest.parse;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parsers Byline knows, looked up by file extension (case-insensitive). */
public final class ArticleParsers {

    private final Map<String, ArticleParser> byExtension = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two parsers claim the same extension */
    public ArticleParsers(List<? extends ArticleParser> parsers) {
        for (ArticleParser parser : parsers) {
            for (String extension : parser.extensions()) {
                String key = extension.toLowerCase(Locale.ROOT);
                ArticleParser previous = byExtension.putIfAbsent(key, parser);
                if (previous != null) {
                    throw new IllegalArgumentException("Extension '" + key + "' is claimed by both "
                            + previous.getClass().getSimpleName() + " and " + parser.getClass().getSimpleName());
                }
            }
        }
    }

    /** Plain text, Markdown, HTML and JSON / JSON Lines. */
    public static ArticleParsers defaults() {
        return new ArticleParsers(List.of(
                new TextArticleParser(),
                new MarkdownArticleParser(),
                new HtmlArticleParser(),
                new JsonArticleParser()));
    }

    public Optional<ArticleParser> forFile(Path file) {
        return extensionOf(file).map(byExtension::get);
    }

    /** Every supported extension, lowercase, without the dot. */
    public Set<String> extensions() {
        return Collections.unmodifiableSet(byExtension.keySet());
    }

    /**
     * The lowercase extension of the file name, if any. A leading dot (as in {@code .json}) marks a
     * hidden file, not an extension.
     */
    public static Optional<String> extensionOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String fileName = name.toString();
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
