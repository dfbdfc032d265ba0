package dev.byline.ingest.parse;

import dev.byline.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextArticleParserTest {

    private final TextArticleParser parser = new TextArticleParser();

    @TempDir
    Path dir;

    @Test
    void should_read_headline_and_body__from_a_bbc_file() throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/bbc/business/001.txt").toURI());

        List<Article> articles = parser.parse(file, "business/001");

        assertThat(articles).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo("business/001");
            assertThat(article.title()).isEqualTo("Ad sales boost Time Warner profit");
            assertThat(article.body())
                    .startsWith("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)")
                    .endsWith("as a loss on the value of that stake.")
                    .contains(".\n\nThe firm, which is now one of the biggest investors in Google");
            assertThat(article.url()).isNull();
            assertThat(article.source()).isNull();
            assertThat(article.author()).isNull();
            assertThat(article.publishedAt()).isNull();
        });
    }

    @Test
    void should_keep_inner_text_verbatim__and_trim_surrounding_blank_lines() throws IOException, ArticleParseException {
        Path file = write("\n  \n   Headline with spaces   \n\n\n  Indented first line.\n\nSecond  paragraph.\n\n\n  \n");

        Article article = parser.parse(file, "x").get(0);

        assertThat(article.title()).isEqualTo("Headline with spaces");
        assertThat(article.body()).isEqualTo("  Indented first line.\n\nSecond  paragraph.");
    }

    @Test
    void should_normalise_crlf_and_skip_a_byte_order_mark() throws IOException, ArticleParseException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "Title line\r\n\r\nBody one.\r\n\r\nBody two.\r\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("crlf.txt");
        Files.write(file, concat(bom, text));

        Article article = parser.parse(file, "x").get(0);

        assertThat(article.title()).isEqualTo("Title line");
        assertThat(article.body()).isEqualTo("Body one.\n\nBody two.");
    }

    @Test
    void should_replace_malformed_utf8__instead_of_failing() throws IOException, ArticleParseException {
        byte[] bytes = concat("Caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                "\n\nBody with a bad byte: ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE});
        Path file = dir.resolve("latin1.txt");
        Files.write(file, bytes);

        Article article = parser.parse(file, "x").get(0);

        assertThat(article.title()).isEqualTo("Caf\uFFFD");
        assertThat(article.body()).startsWith("Body with a bad byte: ").contains("\uFFFD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\n \t \n", "\uFEFF"})
    void should_reject_an_empty_file__naming_it(String content) throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Only a title", "Only a title\n\n\n", "\n  Only a title  \n  \n"})
    void should_reject_a_title_without_body(String content) throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no body")
                .hasMessageContaining("Only a title");
    }

    @Test
    void should_report_a_missing_file_as_a_parse_error() {
        Path missing = dir.resolve("gone.txt");

        assertThatThrownBy(() -> parser.parse(missing, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("gone.txt");
    }

    @Test
    void should_read_the_date_stamp_glued_to_the_seed_article__and_take_it_out_of_the_text() throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/seeds/004_45db22ea0851c493.txt").toURI());

        Article article = parser.parse(file, "seeds/004").get(0);

        assertThat(article.publishedAt()).isEqualTo("2024-08-29");
        assertThat(article.publishedAtSource()).isEqualTo(Article.DATE_FROM_DATE_LINE);
        assertThat(article.title()).startsWith("Russian President Vladimir Putin is soon to visit").doesNotContain("2024-08-29");
        assertThat(article.body()).startsWith("The country Putin will travel to next week is Mongolia");
    }

    @Test
    void should_read_a_date_line_standing_under_the_headline() throws Exception {
        Article article = parser.parse(write("Rates held\nPublished: 4 March 2024\n\nThe bank held rates.\n"), "x").get(0);

        assertThat(article.title()).isEqualTo("Rates held");
        assertThat(article.body()).isEqualTo("The bank held rates.");
        assertThat(article.publishedAt()).isEqualTo("2024-03-04");
        assertThat(article.publishedAtSource()).isEqualTo("date-line");
    }

    @Test
    void should_read_a_dateline__and_keep_it_in_the_body() throws Exception {
        Article article = parser.parse(write("Shares rise\n\nLONDON, March 4, 2024 (Reuters) - Shares rose.\n"), "x").get(0);

        assertThat(article.body()).isEqualTo("LONDON, March 4, 2024 (Reuters) - Shares rose.");
        assertThat(article.publishedAt()).isEqualTo("2024-03-04");
        assertThat(article.publishedAtSource()).isEqualTo("dateline");
    }

    @Test
    void should_not_take_a_date_from_the_story_itself() throws Exception {
        Article article = parser.parse(write("Visit set\n\nPutin will visit on 3 September 2024.\n\nDate: 1 May 2024 was the deadline.\n"), "x").get(0);

        assertThat(article.publishedAt()).isNull();
        assertThat(article.publishedAtSource()).isNull();
        assertThat(article.body()).contains("Date: 1 May 2024 was the deadline.");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("article.txt"), content);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
