package dev.byline.ingest.parse;

import dev.byline.model.Article;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Plain text: the first non-blank line is the title, everything after it is the body, kept
 * verbatim apart from surrounding blank lines (the BBC corpus layout: headline, blank line, body).
 * <p>
 * A publication date the file states is read ({@link StatedDates}): a date stamp opening the file
 * ({@code date 2024-08-29}, even glued to the first line) or standing alone on one of its first
 * three lines, which is removed from the text; else a news dateline opening the body, which stays.
 */
public final class TextArticleParser implements ArticleParser {

    @Override
    public Set<String> extensions() {
        return Set.of("txt");
    }

    @Override
    public List<Article> parse(Path file, String defaultId) throws ArticleParseException {
        String text = TextFiles.read(file, TextFiles.MAX_DOCUMENT_BYTES);
        String publishedAt = null;
        String dateSource = null;
        Stamp stamp = stamp(text);
        if (stamp != null) {
            text = text.substring(0, stamp.start()) + text.substring(stamp.end());
            publishedAt = stamp.iso();
            dateSource = Article.DATE_FROM_DATE_LINE;
        }
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
        if (publishedAt == null) {
            publishedAt = StatedDates.dateline(body).map(StatedDates.Found::iso).orElse(null);
            dateSource = publishedAt == null ? null : Article.DATE_FROM_DATELINE;
        }
        return List.of(new Article(defaultId, title, body, null, null, null, publishedAt, dateSource));
    }

    /** A date stamp to cut out of the text: where it starts and ends, and its date. */
    private record Stamp(int start, int end, String iso) {
    }

    /**
     * The stamp opening the first non-blank line, whatever follows it there, or a line of the first
     * three that is nothing but a stamp: a stamp further into a line is the story's own words.
     */
    private static Stamp stamp(String text) {
        int lineStart = firstNonBlankLineStart(text, 0);
        for (int line = 0; line < 3 && lineStart >= 0; line++) {
            int end = lineEnd(text, lineStart);
            String content = text.substring(lineStart, end);
            var found = StatedDates.dateStamp(content);
            if (found.isPresent() && (line == 0 || content.substring(found.get().end()).isBlank())) {
                int stampEnd = lineStart + found.get().end();
                // Swallow the separator after a glued stamp, so the line reads as it would without it.
                while (stampEnd < end && Character.isWhitespace(text.charAt(stampEnd))) {
                    stampEnd++;
                }
                return new Stamp(lineStart, stampEnd, found.get().iso());
            }
            lineStart = firstNonBlankLineStart(text, Math.min(end + 1, text.length()));
        }
        return null;
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
