package dev.byline.ingest;

import dev.byline.model.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.byline.ingest.ChunkAssertions.WORDS;
import static dev.byline.ingest.ChunkAssertions.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ChunkerTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                arguments("unicode", "Caf\u00E9 cr\u00E8me \uD83D\uDE00 smiles. \u6771\u4EAC\u90FD\u306F\u5927\u304D\u3044\u3002 "
                        + "Stra\u00DFe e\u0301t\u00E9 \uD83C\uDDEC\uD83C\uDDE7 flags. \u00A0Na\u00EFve co\u00F6perate.\u00A0"),
                arguments("curly quotes", "\u201CWe will win,\u201D he said. \u2018Maybe,\u2019 she replied. "
                        + "\u201CReally?\u201D they asked. It\u2019s over."),
                arguments("CRLF", "Title line\r\n\r\nFirst paragraph has words. And more words here.\r\n"
                        + "Second paragraph.\r\n\r\n\r\nThird paragraph ends here.\r\n"),
                arguments("no punctuation", "words without any punctuation at all just going on and on "
                        .repeat(20)),
                arguments("abbreviations", "Mr. Smith of Acme Inc. met Dr. Jones in the U.S. on Jan. 5. "
                        .repeat(10)),
                arguments("decimals", "Profits rose 3.5% to \u00A312.75bn. Sales were 2.25 times higher. ".repeat(10)),
                arguments("initials", "J. K. Rowling and George R. R. Martin met. They talked. ".repeat(10)),
                arguments("leading and trailing space", "\n\n\t  Some text here. More text there.  \n\n "),
                arguments("single word", "word"),
                arguments("emoji without spaces", "\uD83D\uDE00".repeat(300)),
                arguments("newlines only between words", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\no\np"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void should_keep_offsets_exact_and_cover_the_body(String name, String body) {
        for (int[] config : new int[][]{{1, 0}, {3, 1}, {8, 3}, {20, 0}, {50, 10}}) {
            assertWellFormed(new Chunker(config[0], config[1], WORDS).chunk("id", body), "id", body);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\r\n\t", "\u00A0\u2003\u202F"})
    void should_return_no_chunks__for_a_blank_body(String body) {
        assertThat(new Chunker(10, 2, WORDS).chunk("id", body)).isEmpty();
    }

    @Test
    void should_return_one_chunk__for_a_body_under_the_target() {
        String body = "  Short news.\n\nIt has two paragraphs. And three sentences.\n";

        List<Chunk> chunks = new Chunker(50, 10, WORDS).chunk("bbc-1", body);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo(body.strip());
            assertThat(chunk.id()).isEqualTo("bbc-1#0");
        });
    }

    @Test
    void should_start_and_end_chunks_at_sentence_boundaries__for_prose() {
        Prose prose = Prose.generate(new Random(7), 120);

        List<Chunk> chunks = new Chunker(40, 10, WORDS).chunk("p", prose.text());

        assertWellFormed(chunks, "p", prose.text());
        assertThat(chunks).hasSizeGreaterThan(10);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(prose.starts()).contains(chunk.start());
            assertThat(prose.ends()).contains(chunk.end());
        });
    }

    @Test
    void should_keep_chunks_near_the_target_size() {
        Prose prose = Prose.generate(new Random(11), 300);

        List<Chunk> chunks = new Chunker(50, 0, WORDS).chunk("p", prose.text());

        // Sentences have 4 to 16 words: a full chunk cannot stop more than one sentence short of the target.
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(WORDS.applyAsInt(chunk.text())).isBetween(35, 50));
    }

    @Test
    void should_repeat_trailing_whole_sentences__when_overlap_is_configured() {
        Prose prose = Prose.generate(new Random(3), 100);

        // Sentences have at most 16 words, so an overlap of 16 always has room for the last one.
        List<Chunk> chunks = new Chunker(60, 16, WORDS).chunk("p", prose.text());

        assertThat(chunks).hasSizeGreaterThan(5);
        for (int i = 1; i < chunks.size(); i++) {
            Chunk previous = chunks.get(i - 1);
            Chunk next = chunks.get(i);
            assertThat(next.start()).as("chunk %d starts inside chunk %d", i, i - 1).isLessThan(previous.end());
            String repeated = prose.text().substring(next.start(), previous.end());
            assertThat(WORDS.applyAsInt(repeated)).isLessThanOrEqualTo(16);
            assertThat(prose.ends()).contains(previous.end());
        }
    }

    @Test
    void should_not_overlap__when_overlap_is_zero() {
        Prose prose = Prose.generate(new Random(3), 100);

        List<Chunk> chunks = new Chunker(40, 0, WORDS).chunk("p", prose.text());

        assertThat(chunks).hasSizeGreaterThan(5);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isGreaterThan(chunks.get(i - 1).end());
        }
    }

    @ParameterizedTest(name = "paragraph of {0} words, then short sentences: first chunk ends after {1} words")
    @CsvSource({"80, 80", "60, 100"})
    void should_prefer_ending_at_a_paragraph_break_near_the_target(int paragraphWords, int expectedWords) {
        String body = sentence(paragraphWords) + "\n\n" + (sentence(10) + " ").repeat(10);

        List<Chunk> chunks = new Chunker(100, 0, WORDS).chunk("p", body);

        assertThat(WORDS.applyAsInt(chunks.getFirst().text())).isEqualTo(expectedWords);
    }

    @ParameterizedTest(name = "sentences of {0} and {1} words, target 100: {2} chunk(s)")
    @CsvSource({"30, 90, 1", "60, 90, 2", "120, 30, 2"})
    void should_exceed_the_target_by_one_sentence_only_to_avoid_a_runt(int first, int second, int expectedChunks) {
        String body = sentence(first) + " " + sentence(second);

        List<Chunk> chunks = new Chunker(100, 20, WORDS).chunk("p", body);

        assertThat(chunks).hasSize(expectedChunks);
        assertWellFormed(chunks, "p", body);
    }

    @Test
    void should_split_a_sentence_longer_than_twice_the_target_at_word_boundaries() {
        String body = sentence(5_000);

        List<Chunk> chunks = new Chunker(100, 20, WORDS).chunk("p", body);

        assertWellFormed(chunks, "p", body);
        assertThat(chunks).hasSizeBetween(50, 75);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(WORDS.applyAsInt(chunk.text())).isLessThanOrEqualTo(150);
            assertThat(chunk.start() == 0 || body.charAt(chunk.start() - 1) == ' ').isTrue();
            assertThat(chunk.end() == body.length() || body.charAt(chunk.end()) == ' ').isTrue();
        });
    }

    @Test
    void should_keep_a_sentence_of_up_to_twice_the_target_whole() {
        String body = sentence(190) + " " + sentence(10);

        List<Chunk> chunks = new Chunker(100, 0, WORDS).chunk("p", body);

        assertThat(chunks).extracting(Chunk::text).containsExactly(sentence(190), sentence(10));
    }

    static Stream<Arguments> adversarial() {
        return Stream.of(
                arguments("one 200k-character word", "x".repeat(200_000)),
                arguments("only periods", ". ".repeat(50_000)),
                arguments("only initials", "A. B. C. D. ".repeat(20_000)),
                arguments("many blank lines", "\n".repeat(50_000) + "end"),
                arguments("giant and tiny sentences", (sentence(3_000) + " Hi. ").repeat(10)),
                arguments("emoji blob", "\uD83D\uDE00".repeat(50_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void should_terminate_with_well_formed_chunks__on_adversarial_input(String name, String body) {
        assertWellFormed(new Chunker(64, 16, WORDS).chunk("x", body), "x", body);
        assertWellFormed(new Chunker(64, 16, text -> text.length()).chunk("x", body), "x", body);
    }

    @Test
    void should_terminate__with_a_counter_returning_nonsense() {
        String body = Prose.generate(new Random(5), 50).text();

        assertWellFormed(new Chunker(10, 5, text -> -1).chunk("x", body), "x", body);
        assertWellFormed(new Chunker(10, 5, text -> Integer.MAX_VALUE).chunk("x", body.substring(0, 300)), "x",
                body.substring(0, 300));
    }

    @ParameterizedTest(name = "target {0}, overlap {1}")
    @CsvSource({"0, 0", "-5, 0", "10, 10", "10, 11", "10, -1"})
    void should_reject_sizes_that_cannot_work(int target, int overlap) {
        assertThatThrownBy(() -> new Chunker(target, overlap, WORDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(target < 1 ? "targetTokens" : "overlapTokens");
    }

    @Test
    void should_reject_a_missing_article_id_or_counter() {
        assertThatThrownBy(() -> new Chunker(10, 0, null)).hasMessageContaining("tokenCounter");
        assertThatThrownBy(() -> new Chunker(10, 0, WORDS).chunk(null, "text")).hasMessageContaining("articleId");
    }

    static String sentence(int words) {
        StringBuilder sentence = new StringBuilder("Word");
        for (int i = 1; i < words; i++) {
            sentence.append(" w").append(i % 10);
        }
        return sentence.append('.').toString();
    }

    /** Generated paragraphs of 4 to 16-word sentences, with the offsets of every sentence. */
    record Prose(String text, List<Integer> starts, List<Integer> ends) {

        static Prose generate(Random random, int sentences) {
            StringBuilder text = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            for (int i = 0; i < sentences; i++) {
                if (i > 0) {
                    text.append(random.nextInt(4) == 0 ? "\n\n" : " ");
                }
                starts.add(text.length());
                text.append(random.nextBoolean() ? "Mr. Smith said" : "The market");
                for (int w = 2 + random.nextInt(12); w > 0; w--) {
                    text.append(' ').append(random.nextInt(3) == 0 ? "3.5" : "rose");
                }
                text.append(random.nextInt(5) == 0 ? "?" : ".");
                ends.add(text.length());
            }
            return new Prose(text.toString(), starts, ends);
        }
    }
}
