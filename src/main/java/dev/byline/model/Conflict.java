package dev.byline.model;

import java.util.List;

/**
 * Reports that disagree about one thing an answer is about.
 *
 * @param kind   {@code figure}, {@code date}, {@code name} or {@code first} (one report says "first", another
 *               tells of an earlier occurrence)
 * @param about  what they disagree about, for the reader ("the figure: 42 vs 57 people")
 * @param citations the {@code n} of the citations that disagree, in the order of {@code claims}
 * @param claims what each report says, one per report, each naming its citation, the earlier report first when
 *               {@code overTime}
 * @param overTime the reports were published on different days: the later may be an update of the earlier (a toll
 *                 that rose, a date that was moved) rather than a disagreement; false when either is undated
 */
public record Conflict(String kind, String about, List<Integer> citations, List<Claim> claims, boolean overTime) {

    public Conflict {
        citations = List.copyOf(citations);
        claims = List.copyOf(claims);
    }

    public Conflict(String kind, String about, List<Claim> claims) {
        this(kind, about, claims.stream().map(Claim::citation).toList(), claims,
                apart(claims.stream().map(Claim::publishedAt).toList()));
    }

    /** Whether every date is given and no two fall on one day (UTC). */
    public static boolean apart(List<String> publishedAt) {
        List<String> days = publishedAt.stream().map(Conflict::day).toList();
        return !days.contains(null) && days.stream().distinct().count() == days.size();
    }

    private static String day(String publishedAt) {
        try {
            java.time.Instant at = PublishedDates.parse(publishedAt);
            return at == null ? null : at.toString().substring(0, 10);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * @param citation    the {@code n} of the citation holding the statement
     * @param statement   the report's sentence, verbatim
     */
    public record Claim(int citation, String articleId, String source, String publishedAt, String statement) {
    }
}
