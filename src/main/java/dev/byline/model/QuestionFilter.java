package dev.byline.model;

/**
 * A publication-date restriction read from the question's own words ("in January 2005").
 *
 * @param phrase        the words it was read from, as the question has them
 * @param publishedFrom first day included (ISO-8601 date), or null for no lower bound
 * @param publishedTo   last day included (ISO-8601 date), or null for no upper bound
 * @param applied       false when no article of that period answered, so the answer comes from all of them
 */
public record QuestionFilter(String phrase, String publishedFrom, String publishedTo, boolean applied) {

    public QuestionFilter notApplied() {
        return new QuestionFilter(phrase, publishedFrom, publishedTo, false);
    }
}
