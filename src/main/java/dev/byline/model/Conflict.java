package dev.byline.model;

import java.util.List;

/**
 * Reports that disagree about one thing an answer is about.
 *
 * @param kind   {@code figure}, {@code date}, {@code name} or {@code first} (one report says "first", another
 *               tells of an earlier occurrence)
 * @param about  what they disagree about, for the reader ("the figure: 42 vs 57 people")
 * @param citations the {@code n} of the citations that disagree, in the order of {@code claims}
 * @param claims what each report says, one per report, each naming its citation
 */
public record Conflict(String kind, String about, List<Integer> citations, List<Claim> claims) {

    public Conflict {
        citations = List.copyOf(citations);
        claims = List.copyOf(claims);
    }

    public Conflict(String kind, String about, List<Claim> claims) {
        this(kind, about, claims.stream().map(Claim::citation).toList(), claims);
    }

    /**
     * @param citation    the {@code n} of the citation holding the statement
     * @param statement   the report's sentence, verbatim
     */
    public record Claim(int citation, String articleId, String source, String publishedAt, String statement) {
    }
}
