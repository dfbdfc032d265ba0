package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A SQuAD v2.0 file turned into a corpus and questions: one {@link Article} per Wikipedia article
 * (id {@code squad/<title>}, see {@link #articleId}; title with underscores as
 * spaces, body = its paragraphs joined by a blank line, source {@value #SOURCE}), one answerable
 * {@link EvalQuestion} per question with answers (gold = its article, keys = the distinct answer
 * texts) and, separately, the {@code is_impossible} questions as unanswerable ones (no gold).
 * Questions are split by article: those of the 1st, 3rd, 5th... article are {@code dev}, the
 * others {@code test}, so no test question shares its passages with a question thresholds were
 * chosen on.
 * A file that does not follow the schema fails with an {@link IllegalArgumentException} naming
 * the JSON path at fault.
 */
public final class SquadCorpus {

    public static final String SOURCE = "SQuAD 2.0";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<Article> articles;
    private final List<EvalQuestion> answerable;
    private final List<EvalQuestion> unanswerable;

    private SquadCorpus(List<Article> articles, List<EvalQuestion> answerable, List<EvalQuestion> unanswerable) {
        this.articles = List.copyOf(articles);
        this.answerable = List.copyOf(answerable);
        this.unanswerable = List.copyOf(unanswerable);
    }

    public static SquadCorpus read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQuAD file " + file, e);
        }
    }

    /** Reads SQuAD v2.0 JSON from {@code in}; the caller closes the stream. */
    public static SquadCorpus read(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid SQuAD JSON: " + e.getMessage(), e);
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("data: expected an array of articles");
        }
        List<Article> articles = new ArrayList<>();
        List<EvalQuestion> answerable = new ArrayList<>();
        List<EvalQuestion> unanswerable = new ArrayList<>();
        Set<String> articleIds = new HashSet<>();
        Set<String> questionIds = new HashSet<>();
        for (int a = 0; a < data.size(); a++) {
            String path = "data[" + a + "]";
            JsonNode article = data.get(a);
            String title = text(article, "title", path);
            String id = unique(articleId(title), articleIds);
            List<String> contexts = new ArrayList<>();
            JsonNode paragraphs = array(article, "paragraphs", path);
            for (int p = 0; p < paragraphs.size(); p++) {
                String paragraphPath = path + ".paragraphs[" + p + "]";
                JsonNode paragraph = paragraphs.get(p);
                contexts.add(text(paragraph, "context", paragraphPath));
                JsonNode qas = array(paragraph, "qas", paragraphPath);
                for (int q = 0; q < qas.size(); q++) {
                    EvalQuestion question = question(qas.get(q), paragraphPath + ".qas[" + q + "]", id, questionIds)
                            .withSplit(a % 2 == 0 ? EvalQuestion.DEV : EvalQuestion.TEST);
                    (question.answerable() ? answerable : unanswerable).add(question);
                }
            }
            String url = "https://en.wikipedia.org/wiki/" + URLEncoder.encode(title, StandardCharsets.UTF_8);
            articles.add(new Article(id, title.replace('_', ' '), String.join("\n\n", contexts), url, SOURCE, null, null));
        }
        return new SquadCorpus(articles, answerable, unanswerable);
    }

    /**
     * {@code squad/<title>} with every character of the title outside {@code [A-Za-z0-9._:-]} replaced
     * by {@code _}; a slash in the title is replaced too, so every id is exactly one level below {@code squad/}.
     */
    public static String articleId(String title) {
        return "squad/" + title.replaceAll("[^A-Za-z0-9._:-]", "_");
    }

    public List<Article> articles() {
        return articles;
    }

    /** Every question, answerable ones first, each group in file order. */
    public List<EvalQuestion> questions() {
        List<EvalQuestion> all = new ArrayList<>(answerable);
        all.addAll(unanswerable);
        return all;
    }

    /** Every answerable question, in file order. */
    public List<EvalQuestion> answerable() {
        return answerable;
    }

    /** At most {@code max} answerable questions, spread evenly over the file (see {@link #sample}). */
    public List<EvalQuestion> answerable(int max) {
        return sample(answerable, max);
    }

    /** Every {@code is_impossible} question, in file order, with no gold and no keys. */
    public List<EvalQuestion> unanswerable() {
        return unanswerable;
    }

    public List<EvalQuestion> unanswerable(int max) {
        return sample(unanswerable, max);
    }

    /**
     * Deterministic sample of at most {@code max} items: every n-th item from the first, with n the
     * smallest step that keeps the count within {@code max}, so all articles stay represented.
     */
    public static <T> List<T> sample(List<T> items, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (items.size() <= max) {
            return List.copyOf(items);
        }
        int step = (items.size() + max - 1) / max;
        List<T> sampled = new ArrayList<>();
        for (int i = 0; i < items.size(); i += step) {
            sampled.add(items.get(i));
        }
        return List.copyOf(sampled);
    }

    private static EvalQuestion question(JsonNode qa, String path, String articleId, Set<String> questionIds) {
        String text = text(qa, "question", path);
        String id = qa.hasNonNull("id") ? text(qa, "id", path) : "squad-q" + questionIds.size();
        if (!questionIds.add(id)) {
            throw new IllegalArgumentException(path + ".id: duplicate question id \"" + id + "\"");
        }
        JsonNode impossible = qa.get("is_impossible");
        if (impossible != null && !impossible.isBoolean()) {
            throw new IllegalArgumentException(path + ".is_impossible: expected true or false");
        }
        if (impossible != null && impossible.booleanValue()) {
            return EvalQuestion.unanswerable(id, text);
        }
        JsonNode answers = array(qa, "answers", path);
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            String answer = text(answers.get(i), "text", path + ".answers[" + i + "]").strip();
            if (!answer.isEmpty()) {
                keys.add(answer);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(path + ".answers: an answerable question needs at least one answer text");
        }
        return EvalQuestion.answerable(id, text, List.of(articleId), List.copyOf(keys));
    }

    private static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new IllegalArgumentException(path + "." + field + ": expected a non-blank string");
        }
        return value.textValue();
    }

    private static JsonNode array(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(path + "." + field + ": expected an array");
        }
        return value;
    }
}
