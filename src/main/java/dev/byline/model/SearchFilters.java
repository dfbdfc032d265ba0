package dev.byline.model;

import java.time.Instant;
import java.util.List;

/**
 * Restrictions applied to every candidate list before fusion. Null or empty means "no restriction".
 *
 * @param sources       outlets to keep (exact match)
 * @param publishedFrom inclusive lower bound on the article's publication instant
 * @param publishedTo   inclusive upper bound on the article's publication instant
 * @param articleIds    articles to keep
 */
public record SearchFilters(List<String> sources, Instant publishedFrom, Instant publishedTo, List<String> articleIds) {

    public static final SearchFilters NONE = new SearchFilters(List.of(), null, null, List.of());

    public SearchFilters {
        sources = sources == null ? List.of() : List.copyOf(sources);
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }

    public boolean isEmpty() {
        return sources.isEmpty() && articleIds.isEmpty() && publishedFrom == null && publishedTo == null;
    }
}
