package dev.byline.ingest.parse;

import dev.byline.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MarkdownArticleParserTest {

    private final MarkdownArticleParser parser = new MarkdownArticleParser();

    @TempDir
    Path dir;

    @Test
    void should_read_front_matter_and_reduce_markdown_to_plain_text() throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/formats/article.md").toURI());

        Article article = parser.parse(file, "md/rates").get(0);

        assertThat(article).isEqualTo(new Article(
                "md/rates",
                "Rates held at 4.75% as inflation cools",
                """
                        The Bank of England kept rates on hold, citing slower inflation.

                        What economists said

                        - Growth is weak
                        - Wages are rising slowing

                        print("rates = 4.75")

                        Inflation is falling faster than expected, said one analyst.""",
                "https://example.com/news/rates",
                "Example Times",
                "Jane Doe",
                "2024-03-01",
                Article.DATE_FROM_FRONT_MATTER));
    }

    @Test
    void should_take_the_leading_heading_as_title__without_repeating_it() throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/formats/heading.md").toURI());

        Article article = parser.parse(file, "x").get(0);

        assertThat(article.title()).isEqualTo("Local team wins the cup");
        assertThat(article.body()).isEqualTo("The final whistle blew at 9pm. The crowd cheered.\n\nSecond paragraph here.");
        assertThat(article.url()).isNull();
    }

    @Test
    void should_take_the_first_line_as_title__when_there_is_no_heading() throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/formats/plain.md").toURI());

        Article article = parser.parse(file, "x").get(0);

        assertThat(article.title()).isEqualTo("A headline without markup");
        assertThat(article.body()).isEqualTo("The first paragraph continues on this line.\n\nAnd a second paragraph.");
    }

    @Test
    void should_use_a_later_heading_as_title__but_keep_it_in_the_body() throws Exception {
        Article article = parse("Intro paragraph.\n\n## Section *one*\n\nMore text.");

        assertThat(article.title()).isEqualTo("Section one");
        assertThat(article.body()).isEqualTo("Intro paragraph.\n\nSection one\n\nMore text.");
    }

    @Test
    void should_recognise_setext_headings_and_drop_thematic_breaks() throws Exception {
        Article article = parse("Big title\n=========\n\nText.\n\n***\n\nSub\n---\nEnd.");

        assertThat(article.title()).isEqualTo("Big title");
        assertThat(article.body()).isEqualTo("Text.\n\nSub\n\nEnd.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            A [link](https://x.example/a_(b)) here                 | A link here
            An image ![alt text](pic.png "t") gone                  | An image gone
            Linked image [![alt](p.png)](https://x.example) gone    | Linked image gone
            Undefined [text][ref] and ![img][ref]                   | Undefined [text][ref] and ![img][ref]
            **strong** and __also__ and *em* and _em_ and ~~del~~   | strong and also and em and em and del
            ***both*** styles                                       | both styles
            snake_case_name and 2 * 3 * 4 stay                      | snake_case_name and 2 * 3 * 4 stay
            Code `a *not em* b` and ``x ` y``                       | Code a *not em* b and x ` y
            Escaped \\*not em\\* and \\[not a link](x)              | Escaped *not em* and [not a link](x)
            Autolink <https://x.example/p?q=1>                      | Autolink https://x.example/p?q=1
            Fish &amp; chips &copy; 2024                            | Fish & chips © 2024
            Inline <b>html</b> and <img src=x onerror=alert(1)>end  | Inline html and end
            """)
    void should_strip_inline_markup(String markdown, String expected) throws Exception {
        Article article = parse("---\ntitle: T\n---\n" + markdown);

        assertThat(article.body()).isEqualTo(expected);
    }

    static Stream<Arguments> commonMarkConstructs() {
        return Stream.of(
                arguments("reference links keep their text, definitions go",
                        "Ref [text][ref] and ![img][ref] and [ref].\n\n[ref]: https://x.example/r \"Title\"\n",
                        "Ref text and and ref."),
                arguments("inline scripts go with their content",
                        "Before <script>alert(document.cookie)</script> after <em>this</em>.\nNext line.",
                        "Before after this. Next line."),
                arguments("nested list items, one per line",
                        "- one\n  - inner *a*\n  - inner b\n- two\n\n  second paragraph of two\n",
                        "- one\n- inner a\n- inner b\n- two second paragraph of two"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonMarkConstructs")
    void should_read_commonmark_constructs_as_a_reader_would(String what, String markdown, String body) throws Exception {
        Article article = parse("# T\n\n" + markdown);

        assertThat(article.body()).isEqualTo(body);
    }

    @Test
    void should_reduce_html_blocks_to_text__dropping_scripts() throws Exception {
        Article article = parse("""
                # Title

                <div class="note">
                <p>Boxed <em>note</em>.</p>
                <script>alert(document.cookie)</script>
                </div>

                <img src=x onerror=alert(1)>

                After.""");

        assertThat(article.body()).isEqualTo("Boxed note.\n\nAfter.");
    }

    @Test
    void should_keep_code_verbatim__with_fence_markers_removed() throws Exception {
        Article article = parse("# T\n\n~~~~\n\n  indented *code*\n  \n\n\n[x](y)\n~~~~\nAfter.\n\n```\nunterminated\n  fence");

        assertThat(article.body()).isEqualTo("  indented *code*\n\n[x](y)\n\nAfter.\n\nunterminated\n  fence");
    }

    @Test
    void should_keep_lists_one_item_per_line__and_tables_as_rows() throws Exception {
        Article article = parse("""
                # T

                * one
                + two
                  continued
                1. first
                2) second

                | Team | Score |
                |:-----|------:|
                | Reds | 2 |

                In
                2004. was a year.""");

        assertThat(article.body()).isEqualTo(
                "- one\n- two continued\n1. first\n2. second\n\nTeam | Score\nReds | 2\n\nIn 2004. was a year.");
    }

    @Test
    void should_read_quoted_and_unusual_front_matter_values() throws Exception {
        Article article = parse("""
                ---
                Title: 'It''s "quoted"'
                URL: "https://x.example/a"
                published_at: 2024-05-01T10:00:00Z
                author: >
                  Folded Author
                # a comment
                source:
                ---
                Body text.""");

        assertThat(article.title()).isEqualTo("It's \"quoted\"");
        assertThat(article.url()).isEqualTo("https://x.example/a");
        assertThat(article.publishedAt()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(article.author()).isNull();
        assertThat(article.source()).isNull();
        assertThat(article.body()).isEqualTo("Body text.");
    }

    @Test
    void should_read_a_written_out_front_matter_date_as_iso() throws Exception {
        Article article = parse("---\ntitle: T\ndate: 29 August 2024\n---\nBody text.");

        assertThat(article.publishedAt()).isEqualTo("2024-08-29");
        assertThat(article.publishedAtSource()).isEqualTo("front-matter");
    }

    @Test
    void should_read_a_date_line_under_the_heading__and_take_it_out_of_the_body() throws Exception {
        Article article = parse("# Putin to visit Mongolia\n\n*Published 29 August 2024*\n\nThe visit is next week.");

        assertThat(article.title()).isEqualTo("Putin to visit Mongolia");
        assertThat(article.body()).isEqualTo("The visit is next week.");
        assertThat(article.publishedAt()).isEqualTo("2024-08-29");
        assertThat(article.publishedAtSource()).isEqualTo("date-line");
    }

    @Test
    void should_read_a_dateline_opening_the_body() throws Exception {
        Article article = parse("# Shares rise\n\nLONDON, 4 March 2024 (Reuters) - Shares rose.");

        assertThat(article.body()).startsWith("LONDON, 4 March 2024");
        assertThat(article.publishedAt()).isEqualTo("2024-03-04");
        assertThat(article.publishedAtSource()).isEqualTo("dateline");
    }

    @Test
    void should_drop_a_leading_heading_that_repeats_the_front_matter_title() throws Exception {
        Article article = parse("---\ntitle: Same  Title\n---\n# same title\n\nBody.");

        assertThat(article.title()).isEqualTo("Same  Title");
        assertThat(article.body()).isEqualTo("Body.");
    }

    @Test
    void should_treat_an_unterminated_front_matter_fence_as_text() throws Exception {
        Article article = parse("---\ntitle: Not front matter\n\nBody.");

        assertThat(article.title()).isEqualTo("title: Not front matter");
        assertThat(article.body()).isEqualTo("Body.");
    }

    @Test
    void should_skip_lines_without_text__when_taking_the_first_line_as_title() throws Exception {
        Article article = parse("![banner](b.png)\nReal first line\nrest of paragraph");

        assertThat(article.title()).isEqualTo("Real first line");
        assertThat(article.body()).isEqualTo("rest of paragraph");
    }

    @Test
    void should_normalise_crlf_and_bom() throws Exception {
        Path file = dir.resolve("crlf.md");
        Files.writeString(file, "\uFEFF---\r\ntitle: T\r\n---\r\nOne\r\ntwo\r\n\r\nThree\r\n");

        Article article = parser.parse(file, "x").get(0);

        assertThat(article.title()).isEqualTo("T");
        assertThat(article.body()).isEqualTo("One two\n\nThree");
    }

    @Test
    void should_reject_an_empty_file() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.markdown"), " \n\n");

        assertThatThrownBy(() -> parser.parse(file, "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("empty.markdown")
                .hasMessageContaining("empty");
    }

    @Test
    void should_return_a_blank_body__for_a_title_only_file_and_let_the_caller_reject_it() throws Exception {
        Article article = parse("# Only a heading\n");

        assertThat(article.title()).isEqualTo("Only a heading");
        assertThat(article.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unclosed emphasis", "unclosed code", "unclosed links", "deep quotes", "image lines",
            "long table separator", "long heading"})
    // Not a speed measurement: a guard against quadratic parsing, which takes minutes on these inputs.
    // The bound is far above what linear parsing needs on a loaded two-core machine.
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void should_stay_fast__on_pathological_markdown(String kind) throws Exception {
        int n = 50_000;
        String markdown = switch (kind) {
            case "unclosed emphasis" -> "*a **b _c ~~d ".repeat(n);
            case "unclosed code" -> "``a `".repeat(n);
            case "unclosed links" -> "[a ![b [c](d ".repeat(n);
            case "deep quotes" -> "> ".repeat(n) + "quoted";
            case "image lines" -> "![x](y)\n".repeat(n) + "text";
            case "long table separator" -> "|" + "-".repeat(n) + "x";
            default -> "#" + " ".repeat(n) + "x" + " #".repeat(n);
        };

        // Quadratic regexes took minutes on inputs like these; linear ones take well under a second.
        Article article = parse(markdown);

        assertThat(article.body()).isNotNull();
    }

    private Article parse(String markdown) throws IOException, ArticleParseException {
        Path file = Files.writeString(dir.resolve("in.md"), markdown);
        return parser.parse(file, "md").get(0);
    }
}
