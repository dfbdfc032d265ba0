package dev.byline.model;

/**
 * A span of an answer's text that holds what was asked for (the date, the figure, the name), for
 * clients to show in bold: {@code answer.substring(start, end)}, offsets in UTF-16 code units as
 * Java and JavaScript strings count them.
 */
public record Highlight(int start, int end) {

    public Highlight {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a highlight needs 0 <= start < end, was " + start + ".." + end);
        }
    }
}
