package dev.byline.eval;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Question sets by name, in the order they are reported: the bundled ones, or one per question file
 * named after it ({@code bbc-reader-questions.jsonl} is {@code bbc-reader}). Reports and the dumps
 * weights are fitted from both key their rows by these names.
 */
public final class QuestionSets {

    private QuestionSets() {
    }

    /** The given files, or the bundled sets when there are none. */
    public static Map<String, List<EvalQuestion>> of(List<Path> files, boolean demo) {
        return files.isEmpty() ? bundled(demo) : read(files);
    }

    /** The original BBC file, the reader-style one, and the demo one when its articles are there. */
    public static Map<String, List<EvalQuestion>> bundled(boolean demo) {
        Map<String, List<EvalQuestion>> sets = new LinkedHashMap<>();
        sets.put("bbc", QuestionFile.bundled(QuestionFile.BBC_QUESTIONS));
        sets.put("bbc-reader", QuestionFile.bundled(QuestionFile.BBC_READER_QUESTIONS));
        if (demo) {
            sets.put("demo", QuestionFile.bundled(QuestionFile.DEMO_QUESTIONS));
        }
        return sets;
    }

    /** Each file is a set named after it. */
    public static Map<String, List<EvalQuestion>> read(List<Path> files) {
        Map<String, List<EvalQuestion>> sets = new LinkedHashMap<>();
        for (Path file : files) {
            sets.put(name(file), QuestionFile.read(file));
        }
        return sets;
    }

    /** {@code squad-questions.jsonl} is {@code squad}. */
    public static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.jsonl$", "").replaceFirst("-questions$", "");
    }
}
