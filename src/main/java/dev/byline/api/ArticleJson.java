package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.model.Article;

import java.util.List;

/**
 * Reads articles from request JSON by hand rather than by data binding, so that a wrong type is
 * reported with the field and index it came from ({@code articles[3].title: must be a string}).
 */
final class ArticleJson {

    private ArticleJson() {
    }

    /** @return the article, or null when the node is unusable (the reasons are added to {@code errors}) */
    static Article read(JsonNode node, int index, List<Problem.FieldError> errors) {
        String at = "articles[" + index + "]";
        if (node == null || !node.isObject()) {
            errors.add(new Problem.FieldError(at, "must be a JSON object"));
            return null;
        }
        int before = errors.size();
        Article a = new Article(
                text(node, "id", at, errors),
                text(node, "title", at, errors),
                text(node, "body", at, errors),
                text(node, "url", at, errors),
                text(node, "source", at, errors),
                text(node, "author", at, errors),
                text(node, "publishedAt", at, errors));
        return errors.size() == before ? a : null;
    }

    private static String text(JsonNode node, String field, String at, List<Problem.FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError(at + "." + field, "must be a string"));
            return null;
        }
        return value.textValue();
    }
}
