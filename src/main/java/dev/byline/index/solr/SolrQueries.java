package dev.byline.index.solr;

import dev.byline.model.SearchFilters;
import org.apache.solr.common.params.ModifiableSolrParams;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Solr requests built without a query parser ever reading outside text: every value (an analysed
 * term, an id, a source) travels in a parameter of its own and is referenced as {@code $name} from
 * {@code term} or {@code terms} local params, which take it verbatim. Only numbers Byline formats
 * itself (dates, write numbers, the vector) are written into query strings.
 */
final class SolrQueries {

    /** Separates values of a {@code terms} list: a control character no id or source name contains. */
    static final String SEPARATOR = "\u001f";
    /** Titles repeat on every chunk: a small weight lets them pick the article, the text picks the passage. */
    static final String TITLE_BOOST = "0.5";

    private final ModifiableSolrParams params = new ModifiableSolrParams();
    private int next;

    ModifiableSolrParams params() {
        return params;
    }

    /** @return a reference ({@code $pN}) to a new parameter holding {@code value} */
    String value(String value) {
        String name = "p" + next++;
        params.set(name, value);
        return "$" + name;
    }

    /** A query matching {@code value} exactly in {@code field}. */
    String term(String field, String value) {
        return "{!term f=" + field + " v=" + value(value) + "}";
    }

    /** A query matching any of {@code values} exactly in {@code field}. */
    String anyOf(String field, Collection<String> values) {
        String joined = values.stream().map(v -> v.replace(SEPARATOR, "")).collect(Collectors.joining(SEPARATOR));
        return "{!terms f=" + field + " separator=" + value(SEPARATOR) + " v=" + value(joined) + "}";
    }

    /** BM25 over text and (weighted {@link #TITLE_BOOST}) titles, each analysed term once, as the embedded index. */
    String keyword(Collection<String> terms) {
        StringBuilder text = new StringBuilder("{!bool");
        StringBuilder title = new StringBuilder("{!bool");
        for (String t : terms) {
            String ref = value(t);
            text.append(" should=").append(value("{!term f=" + SolrDocuments.TEXT + " v=" + ref + "}"));
            title.append(" should=").append(value("{!term f=" + SolrDocuments.TITLE + " v=" + ref + "}"));
        }
        String boosted = "{!boost b=" + TITLE_BOOST + " v=" + value(title.append("}").toString()) + "}";
        return "{!bool should=" + value(text.append("}").toString()) + " should=" + value(boosted) + "}";
    }

    /** Adds the filter queries of {@code filters} (knn takes them as its pre-filter); {@code type} is always one. */
    void filter(String type, SearchFilters filters) {
        params.add("fq", term(SolrDocuments.TYPE, type));
        if (filters == null || filters.isEmpty()) {
            return;
        }
        if (!filters.sources().isEmpty()) {
            params.add("fq", anyOf(SolrDocuments.SOURCE, filters.sources()));
        }
        if (!filters.articleIds().isEmpty()) {
            params.add("fq", anyOf(SolrDocuments.ARTICLE_ID, filters.articleIds()));
        }
        if (filters.publishedFrom() != null || filters.publishedTo() != null) {
            String from = filters.publishedFrom() == null ? "*" : Long.toString(filters.publishedFrom().toEpochMilli());
            String to = filters.publishedTo() == null ? "*" : Long.toString(filters.publishedTo().toEpochMilli());
            params.add("fq", SolrDocuments.PUBLISHED + ":[" + from + " TO " + to + "]");
        }
    }

    static String vector(float[] vector) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            s.append(i == 0 ? "" : ",").append(Float.toString(vector[i]));
        }
        return s.append(']').toString();
    }

    static List<String> fields(String csv) {
        return List.of(csv.split(","));
    }
}
