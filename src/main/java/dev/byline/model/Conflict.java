package dev.byline.model;

import java.util.List;

/**
 * Reports that disagree about one thing an answer is about.
 *
 * @param kind   {@code figure}, {@code date}, {@code name} or {@code first} (one report says "first", another
 *               tells of an earlier occurrence)
 * @param about  what they disagree about, for the reader ("the figure: 42 vs 57 people")
 * @param claims what each report says, one per report, each naming its citation
 */
public record Conflict(String kind, String about, List<Claim> claims) {

    public Conflict {
        claims = List.copyOf(claims);
    }

    /**
     * @param citation    the {@code n} of the citation holding the statement
     * @param statement   the report's sentence, verbatim
     */
    public record Claim(int citation, String articleId, String source, String publishedAt, String statement) {
    }
}
