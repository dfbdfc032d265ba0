package dev.byline.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JSON ({@code .json}: one article object or an array of them) and JSON Lines ({@code .jsonl},
 * {@code .ndjson}: one object per non-blank line), using the API's article fields: id, title,
 * body, url, source, author, publishedAt. Unknown fields are ignored; a present field whose value
 * is neither a string nor null fails the whole file, naming the field (and the line or index).
 * <p>
 * Ids: the object's {@code id}, else {@code defaultId} for a single object,
 * {@code <defaultId>/<index>} (from 0) for an array element and {@code <defaultId>/<line>}
 * (from 1) for a JSON Lines record.
 */
public final class JsonArticleParser implements ArticleParser {

    private static final List<String> FIELDS =
            List.of("id", "title", "body", "url", "source", "author", "publishedAt");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public Set<String> extensions() {
        return Set.of("json", "jsonl", "ndjson");
    }

    @Override
    public List<Article> parse(Path file, String defaultId) throws ArticleParseException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? parseDocument(file, defaultId) : parseLines(file, defaultId);
    }

    private List<Article> parseDocument(Path file, String defaultId) throws ArticleParseException {
        String text = TextFiles.read(file, TextFiles.MAX_COLLECTION_BYTES);
        if (text.isBlank()) {
            throw new ArticleParseException(file, "file is empty: expected a JSON object or array");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ArticleParseException(file, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (root.isObject()) {
            return List.of(toArticle(root, defaultId, problem -> new ArticleParseException(file, problem)));
        }
        if (!root.isArray()) {
            throw new ArticleParseException(file, "expected a JSON object or array, found " + root.getNodeType());
        }
        List<Article> articles = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            String where = "element " + i + ": ";
            Failure failure = problem -> new ArticleParseException(file, where + problem);
            if (!element.isObject()) {
                throw failure.of("expected an object, found " + element.getNodeType());
            }
            articles.add(toArticle(element, defaultId + "/" + i, failure));
        }
        return articles;
    }

    private List<Article> parseLines(Path file, String defaultId) throws ArticleParseException {
        TextFiles.checkSize(file, TextFiles.MAX_COLLECTION_BYTES);
        List<Article> articles = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), TextFiles.lenientUtf8()))) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (lineNumber == 1) {
                    line = TextFiles.stripBom(line);
                }
                if (!line.isBlank()) {
                    articles.add(parseLine(file, line, lineNumber, defaultId));
                }
            }
        } catch (IOException e) {
            throw new ArticleParseException(file, "cannot read file: " + e.getMessage(), e);
        }
        return articles;
    }

    private Article parseLine(Path file, String line, int lineNumber, String defaultId) throws ArticleParseException {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ArticleParseException(file, lineNumber, "invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject()) {
            throw new ArticleParseException(file, lineNumber, "expected a JSON object, found " + node.getNodeType());
        }
        return toArticle(node, defaultId + "/" + lineNumber,
                problem -> new ArticleParseException(file, lineNumber, problem));
    }

    private static Article toArticle(JsonNode node, String fallbackId, Failure failure)
            throws ArticleParseException {
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = stringField(node, FIELDS.get(i), failure);
        }
        String id = values[0] != null ? values[0] : fallbackId;
        return new Article(id, values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    private static String stringField(JsonNode node, String field, Failure failure)
            throws ArticleParseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw failure.of("field '" + field + "' must be a string, found " + value.getNodeType());
        }
        return value.textValue();
    }

    /** Builds the exception for a problem, adding where in the file it was found. */
    @FunctionalInterface
    private interface Failure {
        ArticleParseException of(String problem);
    }
}
