package dev.byline.ingest.parse;

import dev.byline.ingest.parse.MarkdownBlocks.Block;
import dev.byline.ingest.parse.MarkdownBlocks.Kind;
import dev.byline.model.Article;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown with optional front matter ({@code ---} delimited {@code key: value} lines: title, url,
 * source, author, date / published / publishedAt; anything else, including id, is ignored).
 * <p>
 * Title: the front-matter title, else the first heading, else the first non-blank line. A title
 * taken from the text is not repeated at the start of the body. The body is plain text with
 * paragraphs separated by one blank line.
 */
public final class MarkdownArticleParser implements ArticleParser {

    private static final Pattern FRONT_MATTER_ENTRY = Pattern.compile("^([A-Za-z_][\\w.-]*)\\s*:\\s*(.*)$");
    private static final int MAX_TITLE_ATTEMPTS = 20;
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
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int contentStart = frontMatterEnd(lines);
        Map<String, String> meta = contentStart == 0 ? Map.of() : frontMatter(lines.subList(1, contentStart - 1));

        List<Rendered> parts = new ArrayList<>();
        for (Block block : MarkdownBlocks.split(lines.subList(contentStart, lines.size()))) {
            String rendered = MarkdownBlocks.render(block);
            if (!rendered.isBlank()) {
                parts.add(new Rendered(block, rendered));
            }
        }
        String title = meta.get("title");
        if (title != null) {
            if (!parts.isEmpty() && parts.get(0).isHeading() && sameText(parts.get(0).text(), title)) {
                parts.remove(0);
            }
        } else {
            title = titleFromText(parts);
        }
        String body = String.join("\n\n", parts.stream().map(Rendered::text).toList());
        return List.of(new Article(defaultId, title, body, meta.get("url"), meta.get("source"),
                meta.get("author"), meta.get("publishedat")));
    }

    /** Index of the first line after the front matter, or 0 when there is none. */
    private static int frontMatterEnd(List<String> lines) {
        if (!lines.get(0).strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                return i + 1;
            }
        }
        return 0; // unterminated: the "---" was a thematic break after all
    }

    private static Map<String, String> frontMatter(List<String> lines) {
        Map<String, String> meta = new HashMap<>();
        for (String line : lines) {
            Matcher entry = FRONT_MATTER_ENTRY.matcher(line);
            if (!entry.matches()) {
                continue; // comments, list items, nested YAML: not supported, not fatal
            }
            String key = entry.group(1).toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            if (key.equals("date") || key.equals("published")) {
                key = "publishedat";
            }
            String value = unquote(entry.group(2).strip());
            if (!value.isEmpty() && !isBlockScalarIndicator(value)) {
                meta.putIfAbsent(key, value);
            }
        }
        return meta;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\").strip();
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'").strip();
        }
        return value;
    }

    // "title: >" starts a multi-line YAML value this reader does not support; better no value than ">".
    private static boolean isBlockScalarIndicator(String value) {
        return value.matches("[|>][+-]?");
    }

    /** Takes the title out of {@code parts}: a leading heading, a later heading, or the first line. */
    private static String titleFromText(List<Rendered> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).isHeading()) {
                String heading = parts.get(i).text();
                if (i == 0) {
                    parts.remove(0);
                }
                return heading;
            }
        }
        // Bounded: each attempt re-renders the rest of the block, and a file of a million image-only
        // lines should cost a null title, not quadratic time.
        for (int attempt = 0; attempt < MAX_TITLE_ATTEMPTS && !parts.isEmpty(); attempt++) {
            Rendered first = parts.remove(0);
            Rendered rest = first.withoutFirstLine();
            if (!rest.text().isBlank()) {
                parts.add(0, rest);
            }
            String line = first.firstLine();
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static boolean sameText(String a, String b) {
        return a.strip().replaceAll("\\s+", " ").equalsIgnoreCase(b.strip().replaceAll("\\s+", " "));
    }

    private record Rendered(Block block, String text) {

        boolean isHeading() {
            return block.kind() == Kind.HEADING;
        }

        /** The first source line as plain text. */
        String firstLine() {
            if (block.kind() == Kind.PARAGRAPH) {
                return MarkdownInline.toText(block.lines().get(0));
            }
            int newline = text.indexOf('\n');
            String first = newline < 0 ? text : text.substring(0, newline);
            return block.kind() == Kind.LIST ? LIST_MARKER.matcher(first).replaceFirst("").strip() : first.strip();
        }

        Rendered withoutFirstLine() {
            if (block.kind() == Kind.PARAGRAPH) {
                Block rest = new Block(Kind.PARAGRAPH, block.lines().subList(1, block.lines().size()));
                return new Rendered(rest, MarkdownBlocks.render(rest));
            }
            int newline = text.indexOf('\n');
            return new Rendered(block, newline < 0 ? "" : text.substring(newline + 1).strip());
        }
    }
}
