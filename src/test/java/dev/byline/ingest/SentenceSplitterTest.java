package dev.byline.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.sentences(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "U.S.                  | The U.S. Senate passed the budget [1]. It goes to the House. "
                    + "| The U.S. Senate passed the budget [1].; It goes to the House.",
            "Mr.                   | Mr. Smith dropped his objection. He said so. | Mr. Smith dropped his objection.; He said so.",
            "Sept.                 | The vote is on Sept. 30 in Washington. | The vote is on Sept. 30 in Washington.",
            "marker after the stop | The visit is on September 3. [1] He goes. [2] | The visit is on September 3. [1]; He goes. [2]",
            "markers after a quote | He said \"no\". [1][2] Then he left. | He said \"no\". [1][2]; Then he left.",
            "grouped marker        | It rose 3.5%. [1, 2] It fell later. | It rose 3.5%. [1, 2]; It fell later.",
            "abbreviation, marker  | Talks with the U.S. [1] continue. | Talks with the U.S. [1] continue.",
    })
    void should_split_a_draft_where_a_reader_would(String name, String text, String expected) {
        assertThat(sentences(text)).containsExactlyElementsOf(Arrays.asList(expected.split("; ")));
    }
}
