package dev.byline.ingest.parse;

import dev.byline.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlArticleParserTest {

    private final HtmlArticleParser parser = new HtmlArticleParser();

    @TempDir
    Path dir;

    @Test
    void should_read_metadata_and_article_text__from_a_saved_page() throws Exception {
        Path file = Path.of(getClass().getResource("/fixtures/formats/article.html").toURI());

        Article article = parser.parse(file, "news/storm").get(0);

        assertThat(article).isEqualTo(new Article(
                "news/storm",
                "Storm closes ports",
                "Storm closes ports\n\nPorts along the coast closed on Saturday as the storm arrived.\n\n"
                        + "Ferries were cancelled.\n\nCrews stayed in harbour.\n\nDover closed\n\nCalais closed",
                "https://harbour.example/news/storm-closes-ports",
                "Harbour Daily",
                "Sam Reed",
                "2024-02-10T08:30:00Z"));
    }

    @Test
    void should_prefer_og_title_over_title_element() throws Exception {
        Article article = parse("""
                <head><meta property="og:title" content="OG headline"><title>Page title</title></head>
                <body><h1>H1 headline</h1><p>x</p></body>""");

        assertThat(article.title()).isEqualTo("OG headline");
    }

    @ParameterizedTest(name = "{0} with site {1}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            Storm closes ports | Harbour Daily ; Harbour Daily ; Storm closes ports
            Storm closes ports - Harbour Daily ; Harbour Daily ; Storm closes ports
            Storm closes ports | Harbour Daily ; Other Site    ; Storm closes ports | Harbour Daily
            Storm closes ports | Harbour Daily ; null          ; Storm closes ports | Harbour Daily
            Left - right - Harbour Daily       ; Harbour Daily ; Left - right
            Harbour Daily                      ; Harbour Daily ; Harbour Daily
            """)
    void should_strip_the_site_suffix_from_title__only_when_it_is_the_site_name(
            String title, String site, String expected) throws Exception {
        String siteMeta = site == null ? "" : "<meta property=\"og:site_name\" content=\"" + site + "\">";
        Article article = parse("<head><title>" + title + "</title>" + siteMeta + "</head><body><p>x</p></body>");

        assertThat(article.title()).isEqualTo(expected);
    }

    @Test
    void should_fall_back_to_the_first_h1__when_there_is_no_title() throws Exception {
        Article article = parse("<body><h2>Kicker</h2><h1>The  real\nheadline</h1><h1>Second</h1><p>x</p></body>");

        assertThat(article.title()).isEqualTo("The real headline");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            <link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y"> ; https://a.example/x
            <link rel="canonical" href="/relative/x"><meta property="og:url" content="https://b.example/y"> ; https://b.example/y
            <meta property="og:url" content="http://b.example/y"> ; http://b.example/y
            <link rel="canonical" href="javascript:alert(1)"> ; null
            <meta property="og:url" content="ftp://files.example/a"> ; null
            <meta property="og:url" content="https://bad host/a"> ; null
            <meta property="og:url" content="//cdn.example/a"> ; null
            """)
    void should_keep_only_absolute_http_urls(String head, String expected) throws Exception {
        Article article = parse("<head>" + head + "</head><body><p>x</p></body>");

        assertThat(article.url()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            <meta name="author" content="Ann Lee"><meta property="article:author" content="Bob Ray"> ; Ann Lee
            <meta property="article:author" content="Bob Ray"> ; Bob Ray
            <meta property="article:author" content="https://facebook.com/bob"> ; null
            <meta property="article:author" content="https://facebook.com/bob"><a rel="author" href="/c">Cy  Doe</a> ; Cy Doe
            <a rel="author" href="/c">Cy Doe</a> ; Cy Doe
            <a rel="nofollow author" href="/c">Di Fox</a> ; Di Fox
            <meta name="author" content="   "> ; null
            """)
    void should_find_the_author(String markup, String expected) throws Exception {
        Article article = parse("<head></head><body>" + markup + "<p>x</p></body>");

        assertThat(article.author()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            <meta property="article:published_time" content="2024-02-10T08:30:00+01:00"> ; 2024-02-10T08:30:00+01:00
            <meta name="date" content="2024-02-10"> ; 2024-02-10
            <meta itemprop="datePublished" content="2024-02-10T08:30:00"> ; 2024-02-10T08:30:00
            <time datetime="2024-02-10T07:30:00Z">Saturday</time> ; 2024-02-10T07:30:00Z
            <meta property="article:published_time" content="yesterday"><time datetime="2024-01-05">x</time> ; 2024-01-05
            <meta name="date" content="10/02/2024"> ; null
            <time datetime="2024-13-45">bad</time> ; null
            <time>2024-02-10</time> ; null
            """)
    void should_keep_only_iso_8601_publication_dates(String markup, String expected) throws Exception {
        Article article = parse("<head></head><body>" + markup + "<p>x</p></body>");

        assertThat(article.publishedAt()).isEqualTo(expected);
    }

    @Test
    void should_never_keep_markup_or_script_payloads_in_any_field() throws Exception {
        Article article = parse("""
                <head><title>&lt;script&gt;alert(1)&lt;/script&gt;Real title</title>
                <script>steal()</script></head>
                <body onload="steal()"><p>Text <img src=x onerror=alert(1)> after.</p>
                <div style="x" onclick="steal()">Clicky</div><script>alert(document.cookie)</script>
                <a href="javascript:alert(1)">link text</a></body>""");

        assertThat(article.title()).isEqualTo("<script>alert(1)</script>Real title");
        assertThat(article.body()).isEqualTo("Text after.\n\nClicky\n\nlink text");
    }

    @Test
    void should_honour_a_declared_charset__and_replace_undecodable_bytes() throws Exception {
        Path latin1 = dir.resolve("latin1.html");
        Files.write(latin1, "<meta charset=\"iso-8859-1\"><title>Caf\u00e9</title><p>na\u00efve</p>"
                .getBytes(StandardCharsets.ISO_8859_1));
        Path broken = dir.resolve("broken.html");
        Files.write(broken, new byte[] {'<', 'p', '>', 'a', (byte) 0xFF, 'b', '<', '/', 'p', '>'});

        assertThat(parser.parse(latin1, "x").get(0).title()).isEqualTo("Café");
        assertThat(parser.parse(latin1, "x").get(0).body()).isEqualTo("naïve");
        assertThat(parser.parse(broken, "y").get(0).body()).isEqualTo("a\uFFFDb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<html></html>", "<script>only()</script>"})
    void should_return_blank_fields__for_empty_pages_and_let_the_caller_reject_them(String html) throws Exception {
        Article article = parse(html);

        assertThat(article.title()).isNull();
        assertThat(article.body()).isEmpty();
    }

    @Test
    void should_report_an_unreadable_file() {
        assertThatThrownBy(() -> parser.parse(dir.resolve("missing.html"), "x"))
                .isInstanceOf(ArticleParseException.class)
                .hasMessageContaining("missing.html");
    }

    private Article parse(String html) throws IOException, ArticleParseException {
        Path file = Files.writeString(dir.resolve("page.html"), html);
        return parser.parse(file, "page").get(0);
    }
}
