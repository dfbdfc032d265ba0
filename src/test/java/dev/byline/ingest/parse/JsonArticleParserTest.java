package dev.byline.ingest.parse;

import dev.byline.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class JsonArticleParserTest {

    private final JsonArticleParser parser = new JsonArticleParser();

    @TempDir
    Path dir;

    @Test
    void should_read_an_array__with_own_ids_or_indexed_default_ids() throws Exception {
        List<Article> articles = parser.parse(fixture("articles.json"), "feeds/wire");

        assertThat(articles).containsExactly(
                new Article("wire-1", "First", "Body one.", "https://wire.example/1", "Wire", "A. Writer", "2024-01-01"),
                new Article("feeds/wire/1", "Second", "Body two.", null, null, null, null));
    }

    @Test
    void should_read_a_single_object__with_the_default_id_and_unknown_fields_ignored() throws Exception {
        List<Article> articles = parser.parse(fixture("single.json"), "feeds/single");

        assertThat(articles).containsExactly(
                new Article("feeds/single", "Only one", "Its body.", null, "Wire", null, null));
    }

    @Test
    void should_read_json_lines__numbering_ids_by_line_and_skipping_blank_lines() throws Exception {
        List<Article> articles = parser.parse(fixture("articles.jsonl"), "dump");

        assertThat(articles).extracting(Article::id, Article::title, Article::body)
                .containsExactly(
                        tuple("n-1", "Line one", "First body."),
                        tuple("dump/3", "Line three", "Third body."));
    }

    @Test
    void should_fail_the_whole_jsonl_file__naming_the_line_with_a_number_title() {
        Path file = fixture("bad-title.jsonl");

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("bad-title.jsonl line 2")
                .hasMessageContaining("'title'")
                .hasMessageContaining("string");
    }

    @Test
    void should_fail_the_whole_jsonl_file__naming_the_malformed_line() {
        Path file = fixture("malformed.jsonl");

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("malformed.jsonl line 2")
                .hasMessageContaining("invalid JSON");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json at all                               | invalid JSON
            {"title": "a", "body": "b"                    | invalid JSON
            {"title": "a", "body": "b"} trailing          | invalid JSON
            42                                            | expected a JSON object or array
            "just a string"                               | expected a JSON object or array
            [{"title": "a"}, 7]                           | element 1: expected an object
            [{"title": "a"}, {"body": ["x"]}]             | element 1: field 'body' must be a string
            {"title": "t", "body": "b", "id": 12}         | field 'id' must be a string
            {"title": "t", "body": "b", "url": {"a": 1}}  | field 'url' must be a string
            {"title": "t", "body": "b", "publishedAt": 1} | field 'publishedAt' must be a string
            {"title": true, "body": "b"}                  | field 'title' must be a string
            """)
    void should_reject_hostile_or_malformed_json__with_a_clear_message(String json, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("in.json"), json);

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }

    @Test
    void should_reject_absurdly_deep_nesting__instead_of_overflowing_the_stack() throws IOException {
        Path file = Files.writeString(dir.resolve("deep.json"),
                "{\"title\": \"t\", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("deep.json")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void should_reject_an_empty_json_file() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.json"), "  \n");

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void should_return_no_articles__for_an_empty_array_or_empty_jsonl() throws Exception {
        Path array = Files.writeString(dir.resolve("none.json"), "[]");
        Path lines = Files.writeString(dir.resolve("none.ndjson"), "\n\n");

        assertThat(parser.parse(array, "x")).isEmpty();
        assertThat(parser.parse(lines, "x")).isEmpty();
    }

    @Test
    void should_keep_null_fields_null__and_leave_validation_to_the_caller() throws Exception {
        Path file = Files.writeString(dir.resolve("nulls.json"), "{\"title\": null, \"body\": \"\", \"id\": null}");

        assertThat(parser.parse(file, "fallback"))
                .containsExactly(new Article("fallback", null, "", null, null, null, null));
    }

    @Test
    void should_tolerate_bom_crlf_and_malformed_utf8_in_json_lines() throws Exception {
        byte[] head = "\uFEFF{\"title\": \"Caf".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\", \"body\": \"b\"}\r\n{\"title\": \"t2\", \"body\": \"b2\"}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Path file = dir.resolve("mixed.jsonl");
        Files.write(file, bytes);

        List<Article> articles = parser.parse(file, "m");

        assertThat(articles).extracting(Article::id, Article::title).containsExactly(
                tuple("m/1", "Caf\uFFFD"),
                tuple("m/2", "t2"));
    }

    @Test
    void should_keep_markup_in_json_strings_as_data__never_interpreting_it() throws Exception {
        Path file = Files.writeString(dir.resolve("xss.json"),
                "{\"title\": \"<img src=x onerror=alert(1)>\", \"body\": \"b\"}");

        // HTML reduction of posted bodies is the API's job; the parser must not silently alter data.
        assertThat(parser.parse(file, "x").get(0).title()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    private Path fixture(String name) {
        try {
            return Path.of(getClass().getResource("/fixtures/formats/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
