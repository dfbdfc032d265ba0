package dev.byline.ingest.parse;

import dev.byline.model.Article;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Plain text: the first non-blank line is the title, everything after it is the body, kept
 * verbatim apart from surrounding blank lines (the BBC corpus layout: headline, blank line, body).
 */
public final class TextArticleParser implements ArticleParser {

    @Override
    public Set<String> extensions() {
        return Set.of("txt");
    }

    @Override
    public List<Article> parse(Path file, String defaultId) throws ArticleParseException {
        String text = TextFiles.read(file, TextFiles.MAX_DOCUMENT_BYTES);
        int titleStart = firstNonBlankLineStart(text, 0);
        if (titleStart < 0) {
            throw new ArticleParseException(file, "file is empty: expected a title line and a body");
        }
        int titleEnd = lineEnd(text, titleStart);
        String title = text.substring(titleStart, titleEnd).strip();
        int bodyStart = firstNonBlankLineStart(text, Math.min(titleEnd + 1, text.length()));
        if (bodyStart < 0) {
            throw new ArticleParseException(file, "no body after the title line '" + abbreviate(title) + "'");
        }
        String body = text.substring(bodyStart).stripTrailing();
        return List.of(new Article(defaultId, title, body, null, null, null, null));
    }

    /** Start of the first line at or after {@code from} holding a non-whitespace character, or -1. */
    private static int firstNonBlankLineStart(String text, int from) {
        int lineStart = from;
        while (lineStart < text.length()) {
            int end = lineEnd(text, lineStart);
            if (!text.substring(lineStart, end).isBlank()) {
                return lineStart;
            }
            lineStart = end + 1;
        }
        return -1;
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
