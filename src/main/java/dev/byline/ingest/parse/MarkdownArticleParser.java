package dev.byline.ingest.parse;

import dev.byline.ingest.parse.MarkdownText.Kind;
import dev.byline.ingest.parse.MarkdownText.Part;
import dev.byline.model.Article;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Markdown (CommonMark, with GitHub's tables and strikethrough) with optional YAML front matter
 * ({@code ---} delimited {@code key: value} lines: title, url, source, author, date / published /
 * publishedAt; anything else, including id, is ignored).
 * <p>
 * Title: the front-matter title, else the first heading, else the first line with text. A title
 * taken from the text is not repeated at the start of the body. The body is plain text
 * ({@link MarkdownText}) with paragraphs separated by one blank line.
 * <p>
 * The publication date: the front-matter date (ISO-8601 or written out, {@code 29 August 2024}),
 * else a block of the first three that is nothing but a date stamp ({@code *Published 29 August 2024*},
 * removed from the body), else a news dateline opening the body ({@link StatedDates}).
 */
public final class MarkdownArticleParser implements ArticleParser {

    private static final Extension TABLES = TablesExtension.create();
    // "~~del~~" only: a single tilde means "about" in news copy ("~50 people").
    private static final Extension STRIKETHROUGH = StrikethroughExtension.builder().requireTwoTildes(true).build();
    private static final Parser WITH_FRONT_MATTER = Parser.builder()
            .extensions(List.of(TABLES, STRIKETHROUGH, YamlFrontMatterExtension.create())).build();
    private static final Parser PLAIN = Parser.builder().extensions(List.of(TABLES, STRIKETHROUGH)).build();

    private static final Pattern OPENING_FENCE = Pattern.compile("---[ \\t]*\n");
    private static final Pattern CLOSING_FENCE = Pattern.compile("\n(?:---|\\.\\.\\.)[ \\t]*(?:\n|$)");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:-|\\d+\\.) ");

    @Override
    public Set<String> extensions() {
        return Set.of("md", "markdown");
    }

    @Override
    public List<Article> parse(Path file, String defaultId) throws ArticleParseException {
        String text = TextFiles.read(file, TextFiles.MAX_DOCUMENT_BYTES);
        if (text.isBlank()) {
            throw new ArticleParseException(file, "file is empty");
        }
        Node document = (hasFrontMatter(text) ? WITH_FRONT_MATTER : PLAIN).parse(text);
        Map<String, String> meta = frontMatter(document);
        List<Part> parts = new ArrayList<>(MarkdownText.parts(document));
        String publishedAt = meta.get("publishedat");
        String dateSource = Article.DATE_FROM_FRONT_MATTER;
        if (publishedAt != null) {
            // An unreadable value is kept as written, for the validator to name it.
            publishedAt = StatedDates.normalise(publishedAt).orElse(publishedAt);
        } else {
            publishedAt = takeDateStamp(parts);
            dateSource = Article.DATE_FROM_DATE_LINE;
        }

        String title = meta.get("title");
        if (title != null) {
            if (!parts.isEmpty() && parts.getFirst().kind() == Kind.HEADING && sameText(parts.getFirst().text(), title)) {
                parts.removeFirst();
            }
        } else {
            title = titleFromText(parts);
        }
        String body = String.join("\n\n", parts.stream().map(Part::text).toList());
        if (publishedAt == null) {
            publishedAt = StatedDates.dateline(body).map(StatedDates.Found::iso).orElse(null);
            dateSource = Article.DATE_FROM_DATELINE;
        }
        return List.of(new Article(defaultId, title, body, meta.get("url"), meta.get("source"),
                meta.get("author"), publishedAt, dateSource));
    }

    /** Removes from {@code parts} the first of its first three blocks that is only a date stamp; returns its date. */
    private static String takeDateStamp(List<Part> parts) {
        for (int i = 0; i < Math.min(3, parts.size()); i++) {
            String text = parts.get(i).text();
            var found = StatedDates.dateStamp(text);
            if (found.isPresent() && text.substring(found.get().end()).isBlank()) {
                parts.remove(i);
                return found.get().iso();
            }
        }
        return null;
    }

    /**
     * Front matter only counts when it is closed, as Jekyll and Pandoc read it: an unclosed
     * {@code ---} is a thematic break, and the text after it is the article.
     */
    private static boolean hasFrontMatter(String text) {
        return OPENING_FENCE.matcher(text).lookingAt() && CLOSING_FENCE.matcher(text).find();
    }

    /** Keys folded ({@code published_at} = {@code publishedAt}); the first value of each key counts. */
    private static Map<String, String> frontMatter(Node document) {
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        document.accept(visitor);
        Map<String, String> meta = new HashMap<>();
        visitor.getData().forEach((rawKey, values) -> {
            String key = rawKey.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            if (key.equals("date") || key.equals("published")) {
                key = "publishedat";
            }
            String value = values.isEmpty() ? "" : values.getFirst().strip();
            if (!value.isEmpty() && !isBlockScalarIndicator(value)) {
                meta.putIfAbsent(key, value);
            }
        });
        return meta;
    }

    // "author: >" starts a folded YAML value the extension does not read; better no value than ">".
    private static boolean isBlockScalarIndicator(String value) {
        return value.matches("[|>][+-]?");
    }

    /** Takes the title out of {@code parts}: a leading heading, a later heading, or the first line with text. */
    private static String titleFromText(List<Part> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).kind() == Kind.HEADING) {
                return i == 0 ? parts.removeFirst().text() : parts.get(i).text();
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Part first = parts.removeFirst();
        List<String> lines = first.lines();
        int line = 0;
        while (lines.get(line).isBlank()) {
            line++; // a part has text, so some line has
        }
        Part rest = first.after(line);
        if (!rest.text().isBlank()) {
            parts.addFirst(rest);
        }
        String title = lines.get(line).strip();
        return first.kind() == Kind.LIST ? LIST_MARKER.matcher(title).replaceFirst("").strip() : title;
    }

    private static boolean sameText(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }
}
