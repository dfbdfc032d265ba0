package dev.byline.cli;

import dev.byline.eval.EvalQuestion;
import dev.byline.eval.QuestionFile;

import java.nio.file.Path;
import java.util.List;

/** Question texts as load for a server: a bundled set by name ({@code bbc}, {@code bbc-reader}) or a question file. */
public final class BundledQuestions {

    private BundledQuestions() {
    }

    /** The first BBC question set, in file order. */
    public static List<String> bbc() {
        return of("bbc");
    }

    /**
     * @param set {@code bbc}, {@code bbc-reader}, or the path of a JSONL question file
     * @throws IllegalArgumentException when the file holds no questions
     */
    public static List<String> of(String set) {
        List<EvalQuestion> questions = switch (set) {
            case "bbc" -> QuestionFile.bundled(QuestionFile.BBC_QUESTIONS);
            case "bbc-reader" -> QuestionFile.bundled(QuestionFile.BBC_READER_QUESTIONS);
            default -> QuestionFile.read(Path.of(set));
        };
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions in " + set);
        }
        return questions.stream().map(EvalQuestion::question).toList();
    }
}
