package dev.byline.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            How much did Metlife pay for Travelers?                       | MONEY
            What price did the shares reach?                              | MONEY
            How much money did General Motors lose in Europe?             | MONEY
            How much did the French economy grow in 2004?                 | AMOUNT
            How many broadband subscribers did France Telecom have?       | AMOUNT
            What share of the vote did the party win?                     | AMOUNT
            What upload speed does the service offer?                     | AMOUNT
            How long will the repairs take?                               | DURATION
            How old was the winner?                                       | DURATION
            When is the visit?                                            | DATE
            On what date does the film open?                              | DATE
            In what year was the company founded?                         | DATE
            Where will the summit be held?                                | PLACE
            In which city did the rally take place?                       | PLACE
            Who invited him? (Putin, in Mongolia)                         | NAME
            Which deputy governor spoke about growth?                     | NAME
            What is the name of Microsoft's new blogging service?         | NAME
            Will Putin be arrested in Mongolia?                           | ANY
            What injury ruled Shevchenko out of the game?                 | ANY
            """)
    void should_read_the_kind_of_answer_from_the_wording(String question, AnswerType expected) {
        assertThat(AnswerType.of(question)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MONEY  | How much did Metlife pay?                  | Metlife agreed to pay $11.5bn for the unit.                   | true
            MONEY  | How much did Metlife pay?                  | Metlife said 300 million customers would benefit.             | false
            MONEY  | How much was the singer fined?             | He was fined 500 pounds by the court.                         | true
            AMOUNT | How much did the economy grow in 2004?     | It leaves GDP up 2.3% for the full year.                      | true
            AMOUNT | How much did the economy grow in 2004?     | The economy picked up speed at the end of 2004.               | false
            AMOUNT | How many nominations did the band receive? | The band received five nominations.                           | true
            AMOUNT | How many firms took part in the survey?    | Firms face serious challenges over the next two years.        | false
            AMOUNT | How many firms took part in the survey?    | The survey of 5,196 firms warned of risks.                    | true
            DURATION | How long will the repairs take?          | Repairs will take two years.                                  | true
            DATE   | When is the visit?                         | Putin will visit Mongolia on September 3.                     | true
            DATE   | When is the visit?                         | The visit will strengthen the partnership.                    | false
            DATE   | When is the visit?                         | Both armies held exercises called Selenga-2024.               | false
            DATE   | When did the law change?                   | The law changed in 2004.                                      | true
            DATE   | When did the law change?                   | The law changed in mid-2004.                                  | true
            DATE   | At what time did cards overtake cash?      | That happened at 10.38am on Wednesday.                        | true
            NAME   | Who invited Putin?                         | The visit is at the invitation of President Khurelsukh.       | true
            NAME   | Who invited Putin?                         | Putin accepted an invitation last week.                       | false
            NAME   | Who opened the bridge?                     | The bridge was opened on Monday.                              | false
            PLACE  | Where was the summit held?                 | The summit was held in Johannesburg.                          | true
            """)
    void should_find_an_answer_of_the_kind_the_question_does_not_already_give(AnswerType type, String question, String sentence,
                                                                             boolean found) {
        Set<String> questionWords = Arrays.stream(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .collect(Collectors.toSet());

        assertThat(type.foundIn(sentence, questionWords)).isEqualTo(found);
    }
}
