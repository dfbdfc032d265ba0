package dev.byline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The BBC questions shipped in the application ({@code /eval/bbc-questions.jsonl}), as load for the server. */
public final class BundledQuestions {

    private BundledQuestions() {
    }

    /**
     * @return the question texts, in file order
     * @throws IOException when the file is missing from the application or holds no questions
     */
    public static List<String> bbc() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> questions = new ArrayList<>();
        try (InputStream in = BundledQuestions.class.getResourceAsStream("/eval/bbc-questions.jsonl")) {
            if (in == null) {
                throw new IOException("the bundled BBC questions are missing from the application");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode question = json.readTree(line).path("question");
                    if (question.isTextual()) {
                        questions.add(question.asText());
                    }
                }
            }
        }
        if (questions.isEmpty()) {
            throw new IOException("the bundled BBC question file holds no questions");
        }
        return List.copyOf(questions);
    }
}
