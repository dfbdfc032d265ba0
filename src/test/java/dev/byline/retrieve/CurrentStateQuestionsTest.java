package dev.byline.retrieve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentStateQuestionsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "How many people have died in the floods?",
            "What's the latest on the Kelbrook mine rescue?",
            "Is the bridge still closed?",
            "How many cases so far?",
            "Who is in charge of the club now?",
            "What is the death toll from the earthquake?",
            "What’s the price of Brent crude?",
            "What's the tourists' score?",
            "How many homes are without power?",
            "How much does a ticket cost?",
            "How long do ambulances take to arrive?",
            "How much has the appeal raised?",
            "When will the line reopen?",
            "When is the strike?",
            "What is Hallam offering for Crestline?",
            "Has the missing walker been found yet?",
            "Is he currently the manager?",
            "Are the miners trapped any more?"})
    void should_see_a_question_asking_for_the_current_state(String question) {
        assertThat(CurrentStateQuestions.asksCurrentState(question)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "How many died on the first day?",
            "How many people died in the floods?",
            "What was the death toll on Monday?",
            "How many people have died since the floods began in 2004?",
            "What was the original launch date?",
            "How many seats will the new stadium have?",
            "Who invited Putin to Mongolia?",
            "Why did the chief executive step down?",
            "What is the UK's current account deficit?",
            "What is the Rome Statute?",
            "Is this Putin's first trip to Mongolia?",
            "What did the report say yesterday about the fire?"})
    void should_leave_other_questions_alone(String question) {
        assertThat(CurrentStateQuestions.asksCurrentState(question)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void should_see_no_intent_in_no_question(String question) {
        assertThat(CurrentStateQuestions.asksCurrentState(question)).isFalse();
    }
}
