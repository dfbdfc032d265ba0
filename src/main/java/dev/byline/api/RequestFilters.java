package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.model.PublishedDates;
import dev.byline.model.SearchFilters;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code filters} object of ask and chat, read by hand like the rest of their body so that every wrong value
 * is reported with its field ({@code filters.publishedTo: must be an ISO-8601 date or date-time}): {@code source}
 * (an outlet, or a list of them; {@code sources} is accepted too, as search has it), {@code publishedFrom},
 * {@code publishedTo} (inclusive; a date without a time includes that whole day).
 */
public final class RequestFilters {

    private static final List<String> FIELDS = List.of("source", "sources", "publishedFrom", "publishedTo");

    private RequestFilters() {
    }

    /** @return the filters, {@link SearchFilters#NONE} when absent; problems are added to {@code errors} */
    public static SearchFilters read(JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return SearchFilters.NONE;
        }
        if (!node.isObject()) {
            errors.add(new Problem.FieldError("filters", "must be an object with source, publishedFrom, publishedTo"));
            return SearchFilters.NONE;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                errors.add(new Problem.FieldError("filters." + abbreviate(field.getKey()), "is not a filter; use " + String.join(", ", FIELDS)));
            }
        }
        List<String> sources = new ArrayList<>(sources("filters.source", node.get("source"), errors));
        sources.addAll(sources("filters.sources", node.get("sources"), errors));
        Instant from = date("filters.publishedFrom", node.get("publishedFrom"), false, errors);
        Instant to = date("filters.publishedTo", node.get("publishedTo"), true, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new Problem.FieldError("filters.publishedFrom", "is after filters.publishedTo"));
        }
        return new SearchFilters(sources, from, to, List.of());
    }

    /** One outlet or a list of them; blank or non-string entries are refused. */
    static List<String> sources(String field, JsonNode node, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isTextual() || value.textValue().isBlank()) {
                errors.add(new Problem.FieldError(field, "must be an outlet name or a list of them, none blank"));
                return List.of();
            }
            sources.add(value.textValue());
        }
        return sources;
    }

    private static Instant date(String field, JsonNode node, boolean end, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError(field, "must be a string"));
            return null;
        }
        try {
            return end ? PublishedDates.parseEnd(node.textValue()) : PublishedDates.parse(node.textValue());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 date or date-time, e.g. 2024-08-29"));
            return null;
        }
    }

    // A hostile key could be megabytes long; the error names it, so it is cut.
    private static String abbreviate(String key) {
        return key.length() <= 40 ? key : key.substring(0, 37) + "...";
    }
}
