package dev.byline.model;

/**
 * A passage of an article's body: {@code text} is exactly {@code body.substring(start, end)}.
 *
 * @param id      stable id, {@code <articleId>#<ordinal>}
 * @param ordinal position of the chunk in its article, from 0
 */
public record Chunk(String id, String articleId, int ordinal, int start, int end, String text) {

    public static String idOf(String articleId, int ordinal) {
        return articleId + "#" + ordinal;
    }
}
