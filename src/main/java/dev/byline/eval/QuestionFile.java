package dev.byline.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSONL question file: one object per line,
 * {@code {"id","question","answerable","gold":[article ids],"answer_keys":[strings]}}, optionally
 * {@code "split"} ({@code dev} or {@code test}) and {@code "kind"} (see {@link QuestionKind}).
 * Blank lines are skipped and unknown fields ignored. Anything else that is not a valid question
 * (bad JSON, a missing or mistyped field, an answerable question without gold or keys, a repeated
 * id) fails the whole file with a {@link QuestionFileException} naming the line: a silently
 * dropped question would skew every score.
 */
public final class QuestionFile {

    /** Classpath location of the first BBC News question set. */
    public static final String BBC_QUESTIONS = "eval/bbc-questions.jsonl";
    /** The BBC News questions written as readers ask them, with a dev/test split. */
    public static final String BBC_READER_QUESTIONS = "eval/bbc-reader-questions.jsonl";
    /** Questions about the two demo articles, with a dev/test split. */
    public static final String DEMO_QUESTIONS = "eval/demo-questions.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private QuestionFile() {
    }

    public static List<EvalQuestion> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read question file " + file, e);
        }
    }

    /** Reads UTF-8 JSONL from {@code in}; the caller closes the stream. */
    public static List<EvalQuestion> read(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var reader = new BufferedReader(new InputStreamReader(in, decoder));
        List<EvalQuestion> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int lineNo = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                EvalQuestion question = parseLine(line, lineNo);
                if (!ids.add(question.id())) {
                    throw new QuestionFileException(lineNo, "duplicate id \"" + question.id() + "\"", null);
                }
                questions.add(question);
            }
        } catch (CharacterCodingException e) {
            throw new QuestionFileException(lineNo + 1, "not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read question file", e);
        }
        return List.copyOf(questions);
    }

    /** The first BBC News questions ({@value #BBC_QUESTIONS}). */
    public static List<EvalQuestion> bbc() {
        return bundled(BBC_QUESTIONS);
    }

    /** A question file shipped with Byline, by its classpath location. */
    public static List<EvalQuestion> bundled(String resource) {
        try (InputStream in = QuestionFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EvalQuestion parseLine(String line, int lineNo) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new QuestionFileException(lineNo, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new QuestionFileException(lineNo, "expected a JSON object", null);
        }
        try {
            return new EvalQuestion(
                    text(node, "id", lineNo),
                    text(node, "question", lineNo),
                    bool(node, "answerable", lineNo),
                    strings(node, "gold", lineNo),
                    strings(node, "answer_keys", lineNo),
                    optionalText(node, "split", lineNo),
                    kind(node, lineNo));
        } catch (QuestionFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new QuestionFileException(lineNo, e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, int lineNo) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new QuestionFileException(lineNo, "field \"" + field + "\" must be a string", null);
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field, int lineNo) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new QuestionFileException(lineNo, "field \"" + field + "\" must be a string", null);
        }
        return value.textValue();
    }

    private static QuestionKind kind(JsonNode node, int lineNo) {
        String kind = optionalText(node, "kind", lineNo);
        try {
            return kind == null ? null : QuestionKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new QuestionFileException(lineNo, "field \"kind\": " + e.getMessage(), e);
        }
    }

    private static boolean bool(JsonNode node, String field, int lineNo) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new QuestionFileException(lineNo, "field \"" + field + "\" must be true or false", null);
        }
        return value.booleanValue();
    }

    private static List<String> strings(JsonNode node, String field, int lineNo) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new QuestionFileException(lineNo, "field \"" + field + "\" must be an array of strings", null);
        }
        List<String> result = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new QuestionFileException(lineNo, "field \"" + field + "\" must contain only strings", null);
            }
            result.add(element.textValue());
        }
        return result;
    }
}
