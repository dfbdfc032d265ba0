package dev.byline.ingest;

import dev.byline.model.Chunk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Where sentences end: with one token per sentence and a target of one, every chunk is exactly one sentence. */
class ChunkerSentencesTest {

    private final Chunker oneSentencePerChunk = new Chunker(1, 0, text -> 1);

    static Stream<org.junit.jupiter.params.provider.Arguments> sentences() {
        return Stream.of(
                arguments("titles", "Mr. Smith met Dr. Jones and Mrs. Brown. Prof. Cox and Ms. Lee left.",
                        List.of("Mr. Smith met Dr. Jones and Mrs. Brown.", "Prof. Cox and Ms. Lee left.")),
                arguments("initials", "J. K. Rowling wrote it. George W. Bush read it.",
                        List.of("J. K. Rowling wrote it.", "George W. Bush read it.")),
                arguments("dotted initialisms", "The U.S. and U.K. agreed. Talks end at 5 p.m. Friday.",
                        List.of("The U.S. and U.K. agreed.", "Talks end at 5 p.m. Friday.")),
                arguments("companies", "Acme Inc. bought Foo Ltd. and Bar Co. Shares rose.",
                        List.of("Acme Inc. bought Foo Ltd. and Bar Co. Shares rose.")),
                arguments("latin", "Fruit, e.g. apples, i.e. food, etc. Nothing else vs. Nothing.",
                        List.of("Fruit, e.g. apples, i.e. food, etc. Nothing else vs. Nothing.")),
                arguments("months", "It opened on Jan. 5. It closed on Dec. 24 in St. Albans.",
                        List.of("It opened on Jan. 5.", "It closed on Dec. 24 in St. Albans.")),
                arguments("number sign", "He lives at No. 10 Downing Street. He said no. Then he left.",
                        List.of("He lives at No. 10 Downing Street.", "He said no.", "Then he left.")),
                arguments("decimals", "Growth was 3.5% in 2004. It fell to 2.25. Rates rose.",
                        List.of("Growth was 3.5% in 2004.", "It fell to 2.25.", "Rates rose.")),
                arguments("web addresses", "See Kremlin.ru for more. Done.",
                        List.of("See Kremlin.ru for more.", "Done.")),
                arguments("curly quotes", "\u201CReally?\u201D she asked. \u201CYes.\u201D He nodded.",
                        List.of("\u201CReally?\u201D she asked.", "\u201CYes.\u201D", "He nodded.")),
                arguments("questions and exclamations", "Why? Because! Then what?",
                        List.of("Why?", "Because!", "Then what?")),
                arguments("line without a stop", "Headline without a stop\nFirst sentence. Second one.",
                        List.of("Headline without a stop", "First sentence.", "Second one.")),
                arguments("line break inside a sentence", "Mr.\nSmith came",
                        List.of("Mr.", "Smith came")),
                arguments("CRLF paragraphs", "First para.\r\n\r\nSecond para.\r\nThird line",
                        List.of("First para.", "Second para.", "Third line")),
                arguments("unicode separators", "One\u2028Two\u2029Three\u0085Four",
                        List.of("One", "Two", "Three", "Four")),
                arguments("no-break spaces", "\u00A0Caf\u00E9 au lait.\u00A0\u00A0Cr\u00E8me br\u00FBl\u00E9e.\u202F",
                        List.of("Caf\u00E9 au lait.", "Cr\u00E8me br\u00FBl\u00E9e.")),
                arguments("no punctuation at all", "just some words with no ending",
                        List.of("just some words with no ending")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void should_end_sentences_only_at_true_boundaries(String name, String body, List<String> expected) {
        List<Chunk> chunks = oneSentencePerChunk.chunk("a", body);

        assertThat(chunks).extracting(Chunk::text).containsExactlyElementsOf(expected);
        ChunkAssertions.assertWellFormed(chunks, "a", body);
    }
}
