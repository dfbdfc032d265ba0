package dev.byline.ingest.parse;

import dev.byline.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleParsersTest {

    private final ArticleParsers parsers = ArticleParsers.defaults();

    @Test
    void should_support_every_documented_extension() {
        assertThat(parsers.extensions())
                .containsExactlyInAnyOrder("txt", "md", "markdown", "html", "htm", "json", "jsonl", "ndjson");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            a/b/story.txt,      TextArticleParser
            STORY.TXT,          TextArticleParser
            notes.Md,           MarkdownArticleParser
            notes.markdown,     MarkdownArticleParser
            page.HTM,           HtmlArticleParser
            page.html,          HtmlArticleParser
            feed.json,          JsonArticleParser
            feed.JSONL,         JsonArticleParser
            feed.ndjson,        JsonArticleParser
            archive.tar.json,   JsonArticleParser
            """)
    void should_pick_the_parser_by_extension__ignoring_case(String file, String parser) {
        assertThat(parsers.forFile(Path.of(file))).get()
                .extracting(p -> p.getClass().getSimpleName())
                .isEqualTo(parser);
    }

    @ParameterizedTest
    @ValueSource(strings = {"image.png", "noextension", "trailingdot.", ".json", "archive.json.gz", "doc.pdf"})
    void should_find_no_parser__for_unsupported_names(String file) {
        assertThat(parsers.forFile(Path.of(file))).isEmpty();
    }

    @Test
    void should_refuse_two_parsers_for_one_extension() {
        ArticleParser other = new ArticleParser() {
            @Override
            public Set<String> extensions() {
                return Set.of("TXT");
            }

            @Override
            public List<Article> parse(Path file, String defaultId) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> new ArticleParsers(List.of(new TextArticleParser(), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'txt'");
    }
}
