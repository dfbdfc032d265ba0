package dev.byline.slack;

import dev.byline.model.Citation;
import dev.byline.model.Highlight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MrkdwnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "||", value = {
            "channel ping || Tell <!channel> now || Tell &lt;!channel&gt; now",
            "user mention || ask <@U123ABC> || ask &lt;@U123ABC&gt;",
            "disguised link || <https://evil.example|bbc.com> || &lt;https://evil.example|bbc.com&gt;",
            "entity stays || AT&T &amp; co || AT&amp;T &amp;amp; co",
            "markers kept || It rained [1][2]. || It rained [1][2].",
    })
    void should_escape_text_so_slack_interprets_none_of_it(String name, String text, String escaped) {
        assertThat(Mrkdwn.escape(text)).isEqualTo(escaped);
    }

    @Test
    void should_show_a_resolved_year_as_text_beside_the_citation_and_bold_it_when_asked_for() {
        String answer = "The ICC issued its warrant last March [2023] [1].";
        int year = answer.indexOf("2023");

        assertThat(Mrkdwn.answer(answer, List.of(new Highlight(year, year + 4)))).isEqualTo("The ICC issued its warrant last March [*2023*] [1].");
    }

    @Test
    void should_drop_control_characters_but_keep_line_breaks() {
        assertThat(Mrkdwn.escape("a\u0000b\u0007c\nd")).isEqualTo("abc\nd");
    }

    @Test
    void should_link_the_title_and_name_outlet_and_date() {
        Citation c = new Citation(2, "bbc/1", "bbc/1#0", "Rates <rise> & fall", "https://bbc.example/news?a=1&b=2", "BBC",
                "2005-03-07T09:30:00Z", "text");

        assertThat(Mrkdwn.sourceLine(c)).isEqualTo("2. <https://bbc.example/news?a=1&amp;b=2|Rates &lt;rise&gt; &amp; fall> — BBC, 7 Mar 2005");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "||", nullValues = "NULL", value = {
            "javascript url || javascript:alert(1) || NULL || NULL || 1. Title",
            "no url || NULL || NULL || 2024-08-29 || 1. Title — 29 Aug 2024",
            "pipe in url || https://x.example/a|b || Reuters || NULL || 1. Title — Reuters",
            "bar closes early || https://x.example/a>b || NULL || bad-date || 1. Title",
    })
    void should_never_build_a_link_from_a_url_that_is_not_plain_http(String name, String url, String source, String date, String line) {
        Citation c = new Citation(1, "a", "a#0", "Title", url, source, date, "text");

        assertThat(Mrkdwn.sourceLine(c)).isEqualTo(line);
    }

    @Test
    void should_fall_back_to_the_article_id_for_an_untitled_source() {
        assertThat(Mrkdwn.sourceLine(new Citation(1, "bbc/tech/001", "c", " ", null, null, null, "t"))).isEqualTo("1. bbc/tech/001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "||", value = {
            "leading mention || <@UBYLINE> When is Putin going? || When is Putin going?",
            "mention mid-text || So <@UBYLINE>, when is he going? || So , when is he going?",
            "other user by label || What did <@U42|ann> say? || What did @ann say?",
            "channel || News in <#C1|politics> today? || News in #politics today?",
            "link with label || Is <https://bbc.co.uk/x|this story> true? || Is this story true?",
            "bare link || Is <https://bbc.co.uk/x> true? || Is https://bbc.co.uk/x true?",
            "entities || Is AT&amp;T &lt;big&gt;? || Is AT&T <big>?",
    })
    void should_reduce_a_message_to_the_question_the_reader_typed(String name, String text, String question) {
        assertThat(Mrkdwn.question(text, "UBYLINE")).isEqualTo(question);
    }

    @Test
    void should_collapse_white_space_and_line_breaks() {
        assertThat(Mrkdwn.question("  <@UBYLINE>   Why\n\nnow? ", "UBYLINE")).isEqualTo("Why now?");
    }

    @Test
    void should_remove_a_leading_mention_even_before_byline_knows_its_own_id() {
        assertThat(Mrkdwn.question("<@U0BOT> When?", null)).isEqualTo("When?");
    }

    @Test
    void should_cut_long_text_at_a_word_and_never_inside_an_entity() {
        assertThat(Mrkdwn.truncate(Mrkdwn.escape("x" + "&".repeat(10)), 20)).isEqualTo("x&amp;&amp;&amp;…");
        assertThat(Mrkdwn.truncate("one two three four five six", 16)).isEqualTo("one two three…");
        assertThat(Mrkdwn.truncate("short", 60)).isEqualTo("short");
    }

    @Test
    void should_put_the_answers_key_spans_in_bold_and_still_escape_everything() {
        String answer = "Kraft <b>Foods</b> is owed $15.1m & more [1].";

        assertThat(Mrkdwn.answer(answer, List.of(new Highlight(0, 5), new Highlight(27, 33))))
                .isEqualTo("*Kraft* &lt;b&gt;Foods&lt;/b&gt; is owed *$15.1m* &amp; more [1].");
        assertThat(Mrkdwn.answer(answer, List.of(new Highlight(27, 99)))).as("a span out of range is ignored")
                .isEqualTo(Mrkdwn.escape(answer));
    }
}
