package dev.byline.retrieve;

import dev.byline.model.SearchFilters;

/**
 * @param mode which candidate lists to use: both fused (the default), or one alone for baselines
 */
public record SearchRequest(String query, int k, SearchFilters filters, RetrievalMode mode) {

    public SearchRequest {
        filters = filters == null ? SearchFilters.NONE : filters;
        mode = mode == null ? RetrievalMode.HYBRID : mode;
    }

    public static SearchRequest of(String query, int k) {
        return new SearchRequest(query, k, SearchFilters.NONE, RetrievalMode.HYBRID);
    }
}
