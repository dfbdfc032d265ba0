package dev.byline.ingest;

import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.model.Article;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample corpus a newcomer ingests from the clone (README, "Your articles"). */
class SampleCorpusTest {

    private static final Path SAMPLES = Path.of("src/samples/bbc");

    @Test
    void should_offer_a_few_dozen_articles_from_every_bbc_section__with_the_full_sets_ids() throws Exception {
        List<SourceFile> files = new FolderScanner(ArticleParsers.defaults()).scan(SAMPLES);

        Map<String, Long> perSection = files.stream()
                .collect(Collectors.groupingBy(f -> f.id().substring(0, f.id().indexOf('/')), Collectors.counting()));
        assertThat(files).hasSizeBetween(25, 36);
        assertThat(perSection).containsOnlyKeys("business", "entertainment", "politics", "sport", "tech");
        assertThat(perSection.values()).allMatch(n -> n >= 5);
        assertThat(files).extracting(SourceFile::id).contains("business/057").allMatch(id -> id.matches("[a-z]+/\\d{3}"));
    }

    @Test
    void should_read_every_sample_as_an_article_with_its_headline_and_body() throws Exception {
        ArticleParsers parsers = ArticleParsers.defaults();
        List<Article> articles = new ArrayList<>();
        for (SourceFile file : new FolderScanner(parsers).scan(SAMPLES)) {
            articles.addAll(parsers.forFile(file.path()).orElseThrow().parse(file.path(), file.id()));
        }

        List<Article> stored = new ArticleValidator().normalize(articles); // throws, naming the field, on any invalid one
        assertThat(stored).hasSameSizeAs(articles).allSatisfy(article -> {
            assertThat(article.title()).as(article.id()).isNotBlank().doesNotContain("\n");
            assertThat(article.body()).as(article.id()).hasSizeGreaterThan(300);
        });
        assertThat(stored).filteredOn(a -> a.id().equals("business/057")).singleElement()
                .extracting(Article::title).isEqualTo("Economy 'stronger than forecast'");
    }

    @Test
    void should_keep_the_attribution_and_terms_beside_the_samples() throws Exception {
        String readme = Files.readString(SAMPLES.resolve("README.md")).replaceAll("\\s+", " ");

        assertThat(readme).contains("All rights, including copyright, in the content of the original articles are owned by the BBC")
                .contains("D. Greene and P. Cunningham").contains("research use").contains("http://mlg.ucd.ie/datasets/bbc.html");
    }
}
