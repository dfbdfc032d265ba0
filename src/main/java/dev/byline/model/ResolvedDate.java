package dev.byline.model;

/**
 * A relative date of a quoted sentence ("last March") resolved against its article's publication date, and
 * shown in the answer as an editorial insertion after the phrase ("last March [2023]"): the quoted words
 * themselves are never changed.
 *
 * @param citation    the {@code n} of the citation whose article's date it was resolved against
 * @param phrase      the words of the answer resolved, as written ("last March", "on Monday")
 * @param resolved    the day or period they name, ISO 8601: {@code 2023}, {@code 2023-03}, {@code 2024-08-26}, a
 *                    week as {@code 2024-09-02/2024-09-08}
 * @param publishedAt the article's publication date it was resolved against, as stored
 * @param start       where the insertion starts in {@code answer} (at its {@code [})
 * @param end         where it ends (after its {@code ]}): {@code answer.substring(start, end)} is e.g. {@code [2023]}
 */
public record ResolvedDate(int citation, String phrase, String resolved, String publishedAt, int start, int end) {
}
