package dev.byline.tools.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.eval.EvalQuestion;
import dev.byline.model.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code squad}: turns a SQuAD 2.0 file into what the product's {@code eval} reads: a corpus folder
 * of article files (one {@code .json} per Wikipedia title, with the id {@link SquadCorpus} gives it)
 * and a question file with the same ids, gold articles, answer keys and dev/test split. So
 * {@code eval --corpus <out>/corpus --questions <out>/squad-questions.jsonl} measures SQuAD with the
 * product's own evaluation.
 */
@Command(name = "squad", sortOptions = false,
        description = {"Convert a SQuAD 2.0 file into a corpus folder and a question file for eval.",
                "Writes <out>/corpus/*.json (one article per title) and <out>/squad-questions.jsonl (split by article)."})
public final class SquadCommand extends EvalTool {

    /** The question file's name: eval names the set after it, {@code squad}. */
    static final String QUESTIONS = "squad-questions.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--squad", required = true, paramLabel = "<squad.json>", description = "A SQuAD 2.0 file.")
    Path squad;
    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Where the corpus folder and the question file go.")
    Path out;
    @Option(names = "--max-questions", paramLabel = "N",
            description = "At most N answerable and N unanswerable questions, every n-th of each (default: all).")
    Integer maxQuestions;

    @Override
    int run(PrintWriter print) throws IOException {
        if (maxQuestions != null && maxQuestions < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-questions must be at least 1");
        }
        SquadCorpus corpus = SquadCorpus.read(squad);
        Path folder = out.resolve("corpus");
        if (Files.isDirectory(folder) && !isEmpty(folder)) {
            throw new IOException(folder + " already holds a corpus: remove it, or choose another --out");
        }
        Files.createDirectories(folder);
        List<Article> articles = corpus.articles();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            Files.writeString(folder.resolve(fileName(i, a.id())), JSON.writeValueAsString(articleJson(a)), StandardCharsets.UTF_8);
        }
        List<EvalQuestion> questions = new ArrayList<>(maxQuestions == null ? corpus.answerable() : corpus.answerable(maxQuestions));
        questions.addAll(maxQuestions == null ? corpus.unanswerable() : corpus.unanswerable(maxQuestions));
        Path file = out.resolve(QUESTIONS);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (EvalQuestion q : questions) {
                w.write(JSON.writeValueAsString(questionJson(q)));
                w.newLine();
            }
        }
        long answerable = questions.stream().filter(EvalQuestion::answerable).count();
        print.printf("Wrote %d articles to %s and %d questions (%d answerable, %d unanswerable) to %s%n", articles.size(), folder,
                questions.size(), answerable, questions.size() - answerable, file);
        print.printf("Measure them: BYLINE_DATA_DIR=target/eval-squad java -jar target/quarkus-app/quarkus-run.jar eval --corpus %s "
                + "--questions %s%n", folder, file);
        return 0;
    }

    /** Numbered, so that no title makes a hidden file; the article's id is inside the file. */
    static String fileName(int index, String id) {
        return String.format("%04d-%s.json", index + 1, id.substring(id.indexOf('/') + 1).replace(':', '_'));
    }

    private static Map<String, Object> articleJson(Article a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("title", a.title());
        json.put("body", a.body());
        json.put("url", a.url());
        json.put("source", a.source());
        return json;
    }

    private static Map<String, Object> questionJson(EvalQuestion q) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", q.id());
        json.put("question", q.question());
        json.put("answerable", q.answerable());
        json.put("gold", q.gold());
        json.put("answer_keys", q.answerKeys());
        json.put("split", q.split());
        return json;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }
}
