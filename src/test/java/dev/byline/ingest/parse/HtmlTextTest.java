package dev.byline.ingest.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Hello</p>", "text<br>more", "<BR/>", "<div class=x>a</div>", "<!DOCTYPE html><html>",
            "<article>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a <h2>b</h2>",
            "<!-- comment -->", "<iframe src=evil>", "<svg onload=alert(1)>"})
    void should_detect_html(String text) {
        assertThat(HtmlText.looksLikeHtml(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Plain prose.", "if a < b and b > c", "x<y", "<3 love it", "Email <someone@example.com>",
            "Use Vec<String> here", "<https://example.com>", ""})
    void should_not_mistake_plain_text_for_html(String text) {
        assertThat(HtmlText.looksLikeHtml(text)).isFalse();
    }

    @Test
    void should_separate_blocks_by_one_blank_line__and_collapse_inner_whitespace() {
        String html = "<h1>Title</h1>\n<p>First   paragraph\n  spans lines.</p><p>Second <b>bold</b> <i>and</i> "
                + "<a href='/x'>linked</a>.</p><div><div>Nested</div></div>line<br>break<ul><li>one</li><li>two</li></ul>";

        assertThat(HtmlText.toText(html)).isEqualTo(
                "Title\n\nFirst paragraph spans lines.\n\nSecond bold and linked.\n\nNested\n\nline\n\nbreak\n\none\n\ntwo");
    }

    @Test
    void should_prefer_article__then_main__then_body() {
        String withArticle = "<body><p>chrome</p><main><p>main text</p><article><p>story</p></article></main></body>";
        String withMain = "<body><p>chrome</p><main><p>main text</p></main></body>";
        String bodyOnly = "<body><p>just body</p></body>";

        assertThat(HtmlText.toText(withArticle)).isEqualTo("story");
        assertThat(HtmlText.toText(withMain)).isEqualTo("main text");
        assertThat(HtmlText.toText(bodyOnly)).isEqualTo("just body");
    }

    @Test
    void should_drop_page_chrome_and_executable_content() {
        String html = """
                <html><head><title>T</title><style>.x{}</style></head><body>
                <header>Site header</header><nav>Menu</nav>
                <p>Kept.</p>
                <script>document.write("evil")</script><noscript>Enable JS</noscript>
                <template><p>hidden</p></template><aside>Ad</aside>
                <form><input value="q"><button>Search</button></form>
                <iframe src="https://evil.example">frame text</iframe>
                <svg><text>svg text</text><script>alert(2)</script></svg>
                <footer>Footer</footer></body></html>""";

        assertThat(HtmlText.toText(html)).isEqualTo("Kept.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\"></a>",
            "<body onload=alert(1)>",
            "<svg/onload=alert(1)>",
            "<script>alert(1)</script>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<style>@import 'javascript:alert(1)'</style>"})
    void should_yield_nothing__for_payload_only_markup(String payload) {
        assertThat(HtmlText.toText(payload)).isEmpty();
    }

    @Test
    void should_keep_escaped_markup_as_inert_text__never_as_tags() {
        String text = HtmlText.toText("<p>Say &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p><img src=x onerror=alert(1)>");

        assertThat(text).isEqualTo("Say <script>alert(1)</script> & more");
        assertThat(text).doesNotContain("onerror");
    }

    @Test
    void should_decode_entities_and_collapse_non_breaking_spaces() {
        assertThat(HtmlText.toText("<p>Fish&nbsp;&amp;&nbsp;chips &mdash; &pound;5</p>")).isEqualTo("Fish & chips — £5");
    }

    @Test
    void should_separate_table_cells_and_rows() {
        assertThat(HtmlText.toText("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>"))
                .isEqualTo("a b\n\nc d");
    }

    @Test
    void should_return_empty_text__for_null_blank_or_tagless_whitespace() {
        assertThat(HtmlText.toText(null)).isEmpty();
        assertThat(HtmlText.toText("   ")).isEmpty();
        assertThat(HtmlText.toText("<div>  <p> </p> </div>")).isEmpty();
    }

    @Test
    void should_pass_plain_text_through_as_one_paragraph() {
        assertThat(HtmlText.toText("  just   words \n here ")).isEqualTo("just words here");
    }
}
