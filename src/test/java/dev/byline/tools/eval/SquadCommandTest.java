package dev.byline.tools.eval;

import dev.byline.eval.EvalQuestion;
import dev.byline.eval.QuestionFile;
import dev.byline.eval.QuestionSets;
import dev.byline.ingest.ArticleValidator;
import dev.byline.ingest.FolderScanner;
import dev.byline.ingest.SourceFile;
import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.model.Article;
import dev.byline.tools.ToolRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The converter's output, read back the way the product's eval reads a corpus folder and a question file. */
class SquadCommandTest {

    private static final Path TINY = Path.of("src/test/resources/eval/squad-tiny.json");

    @TempDir
    Path dir;

    private static List<Article> ingestedFrom(Path folder) throws Exception {
        ArticleParsers parsers = ArticleParsers.defaults();
        List<Article> articles = new ArrayList<>();
        for (SourceFile file : new FolderScanner(parsers).scan(folder)) {
            articles.addAll(parsers.forFile(file.path()).orElseThrow().parse(file.path(), file.id()));
        }
        return new ArticleValidator().normalize(articles);
    }

    @Test
    void should_write_a_corpus_eval_ingests_as_the_same_articles_the_squad_loader_gives() throws Exception {
        ToolRun run = ToolRun.of("squad", "--squad", TINY.toString(), "--out", dir.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Wrote 2 articles to " + dir.resolve("corpus") + " and 5 questions (3 answerable, 2 unanswerable)");
        List<Article> expected = new ArticleValidator().normalize(SquadCorpus.read(TINY).articles());
        assertThat(ingestedFrom(dir.resolve("corpus"))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).extracting(Article::id).containsExactly("squad/Lighthouse_keeping", "squad/Cheddar__cheese__history");
    }

    @Test
    void should_write_the_questions_with_the_same_ids_gold_keys_and_split__as_the_squad_set() throws Exception {
        ToolRun.of("squad", "--squad", TINY.toString(), "--out", dir.toString());

        Path file = dir.resolve("squad-questions.jsonl");
        assertThat(QuestionFile.read(file)).containsExactlyElementsOf(SquadCorpus.read(TINY).questions());
        assertThat(QuestionSets.name(file)).isEqualTo("squad");
    }

    @Test
    void should_sample_at_most_n_answerable_and_n_unanswerable_questions() throws Exception {
        ToolRun.of("squad", "--squad", TINY.toString(), "--out", dir.toString(), "--max-questions", "1");

        SquadCorpus squad = SquadCorpus.read(TINY);
        List<EvalQuestion> expected = new ArrayList<>(squad.answerable(1));
        expected.addAll(squad.unanswerable(1));
        assertThat(QuestionFile.read(dir.resolve("squad-questions.jsonl"))).containsExactlyElementsOf(expected)
                .extracting(EvalQuestion::id).containsExactly("q-lamp", "q-salary");
    }

    @Test
    void should_refuse_to_mix_its_articles_into_a_folder_that_holds_a_corpus() throws Exception {
        Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(dir.resolve("corpus/old.txt"), "Old\n\nAn article of another corpus.");

        ToolRun run = ToolRun.of("squad", "--squad", TINY.toString(), "--out", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.firstErrorLine()).startsWith("squad failed: ").contains("already holds a corpus");
        assertThat(dir.resolve("squad-questions.jsonl")).doesNotExist();
    }

    @Test
    void should_answer_a_missing_option_with_its_name_and_the_usage() {
        ToolRun run = ToolRun.of("squad", "--squad", TINY.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.firstErrorLine()).contains("--out");
        assertThat(run.err()).contains("Usage: tools squad");
    }

    @Test
    void should_name_the_json_path_of_a_file_that_is_not_squad() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"data\": [{\"paragraphs\": []}]}");

        ToolRun run = ToolRun.of("squad", "--squad", bad.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.firstErrorLine()).isEqualTo("squad failed: data[0].title: expected a non-blank string");
    }
}
