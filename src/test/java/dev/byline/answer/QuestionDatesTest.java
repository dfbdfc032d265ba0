package dev.byline.answer;

import dev.byline.model.QuestionFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "What did the chancellor say in January 2005?          | in January 2005        | 2005-01-01 | 2005-01-31",
            "Which firms cut jobs in 2004?                         | in 2004                | 2004-01-01 | 2004-12-31",
            "What happened to oil prices during Feb. 2005?         | during Feb. 2005       | 2005-02-01 | 2005-02-28",
            "What did Blair promise before March 2005?             | before March 2005      | -          | 2005-02-28",
            "What did Blair promise after March 2005?              | after March 2005       | 2005-04-01 | -",
            "How many jobs has the firm cut since 2004?            | since 2004             | 2004-01-01 | -",
            "Who led the polls between November 2004 and 2005?     | between November 2004 and 2005 | 2004-11-01 | 2005-12-31",
            "What did the reports say in february 2004?            | in february 2004       | 2004-02-01 | 2004-02-29",
    })
    void should_read_the_period_a_question_states(String question, String phrase, String from, String to) {
        assertThat(QuestionDates.read(question)).hasValue(new QuestionFilter(phrase, from, to, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "When did the ICC issue its warrant?",
            "How did sales in 2004 compare with 2003?",
            "What happened last year?",
            "What did he say before the election?",
            "What was announced on 3 March 2005?",
            "Who won the 2004 election?",
            "What happened in January?",
            "What did the club earn in the 2004-05 season?",
            "What did the club earn in 2004/05?",
            "What was the score in 1850?",
            "How many people live in 10 Downing Street?"})
    void should_read_no_dates__where_they_are_not_reliable(String question) {
        assertThat(QuestionDates.read(question)).isEmpty();
    }
}
