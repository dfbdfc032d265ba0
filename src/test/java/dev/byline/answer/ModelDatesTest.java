package dev.byline.answer;

import dev.byline.model.Answer;
import dev.byline.model.Passage;
import dev.byline.model.ResolvedDate;
import dev.byline.testsupport.Verifiers;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates with a language model (the scripted {@link StubChatModel}) through {@link AnswerService} and the real
 * verifier: the prompt gives today's date and each passage's; the dates the model writes must come from the passages,
 * their publication dates or the resolution of their relative dates, else the sentence is unsupported.
 */
class ModelDatesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Passage WARRANT = new Passage("demo/b", "demo/b#3", "Putin to visit Mongolia, an ICC member obliged to arrest him",
            null, null, "2024-08-29", 0, 200, "This will mark the first time that Putin will travel to a country which is legally "
            + "obligated to arrest him, following the ICC issuing its arrest warrant for the Russian leader last March on allegations "
            + "of overseeing war crimes and human rights abuses in Ukraine.", 0.03, 0.82);
    private static final Passage TOLL = new Passage("wire/t", "wire/t#0", "Flood toll rises", null, "Wire", "2024-03-04", 0, 80,
            "The death toll from the floods rose to 40 on Monday, officials said.", 0.03, 0.80);

    private final StubChatModel model = new StubChatModel();

    private Answer ask(String question, String reply, Passage... passages) {
        model.nextAnswer(StubReply.text(reply));
        AnswerService service = new AnswerService(request -> List.of(passages), new KeywordCondenser(),
                new LlmAnswerer(model, null, Prompts.load(null), TODAY), new MemoryConversationStore(), Verifiers.real(),
                new AnswerService.Settings(6, 0.6), TODAY);
        return service.ask(question, null, TextSink.NONE);
    }

    @Test
    void should_give_the_model_todays_date_and_each_passages_date() {
        ask("When did the ICC issue its warrant?", "NOT_IN_ARTICLES", WARRANT);

        var request = model.requests().getFirst();
        assertThat(((UserMessage) request.messages().get(1)).singleText()).contains("Today is 1 December 2026.")
                .contains("[1] Putin to visit Mongolia, an ICC member obliged to arrest him (2024-08-29)");
        assertThat(((SystemMessage) request.messages().get(0)).text()).contains("relative to that date, not to today")
                .contains("As of 4 March 2024");
    }

    @Test
    void should_accept_a_year_the_model_worked_out_by_the_resolution_rule() {
        Answer answer = ask("When did the ICC issue its warrant?", "The ICC issued its arrest warrant for Putin in March 2023 [1].", WARRANT);

        assertThat(answer.grounded()).as(answer.unsupported().toString()).isTrue();
        assertThat(answer.answer()).isEqualTo("The ICC issued its arrest warrant for Putin in March 2023 [1].");
    }

    @Test
    void should_mark_a_year_neither_stated_nor_resolved_unsupported() {
        Answer answer = ask("When did the ICC issue its warrant?", "The ICC issued its arrest warrant for Putin in March 2022 [1].", WARRANT);

        assertThat(answer.grounded()).isFalse();
        assertThat(answer.unsupported()).containsExactly("The ICC issued its arrest warrant for Putin in March 2022.");
    }

    @Test
    void should_mark_a_day_and_month_the_passages_do_not_give_as_a_pair_unsupported() {
        Answer right = ask("When did the toll reach 40?", "The flood death toll rose to 40 on 4 March [1].", TOLL);
        Answer wrong = ask("When did the toll reach 40?", "The flood death toll rose to 40 on 4 April [1].", TOLL);

        assertThat(right.grounded()).as(right.unsupported().toString()).isTrue();
        assertThat(wrong.grounded()).isFalse();
    }

    @Test
    void should_accept_the_as_of_date_the_model_was_given_and_add_none_of_its_own() {
        Answer answer = ask("How many people have died in the floods?", "As of 4 March 2024, the flood death toll had risen to 40 [1].", TOLL);

        assertThat(answer.grounded()).as(answer.unsupported().toString()).isTrue();
        assertThat(answer.answer()).isEqualTo("As of 4 March 2024, the flood death toll had risen to 40 [1].");
    }

    @Test
    void should_resolve_a_relative_date_the_model_quotes_without_repeating_its_day_as_the_report_date() {
        Answer answer = ask("How many people have died in the floods?",
                "The death toll from the floods rose to 40 on Monday, officials said [1].", TOLL);

        assertThat(answer.answer()).isEqualTo(
                "The death toll from the floods rose to 40 on Monday [4 March 2024], officials said [1].");
        assertThat(answer.dates()).extracting(ResolvedDate::phrase, ResolvedDate::resolved)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Monday", "2024-03-04"));
    }
}
