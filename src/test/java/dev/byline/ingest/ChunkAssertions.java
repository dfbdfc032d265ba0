package dev.byline.ingest;

import dev.byline.model.Chunk;

import java.util.List;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants every chunking must satisfy, whatever the input. */
final class ChunkAssertions {

    /** Whitespace-separated words, no-break spaces included: the counter most tests use. */
    static final ToIntFunction<String> WORDS = ChunkAssertions::words;

    private ChunkAssertions() {
    }

    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isSpace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    static void assertWellFormed(List<Chunk> chunks, String articleId, String body) {
        boolean[] covered = new boolean[body.length()];
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            assertThat(chunk.ordinal()).as("ordinal").isEqualTo(i);
            assertThat(chunk.id()).isEqualTo(articleId + "#" + i);
            assertThat(chunk.articleId()).isEqualTo(articleId);
            assertThat(chunk.start()).as("start of chunk %d", i).isBetween(0, chunk.end() - 1);
            assertThat(chunk.text()).as("text of chunk %d", i).isEqualTo(body.substring(chunk.start(), chunk.end()));
            assertThat(isSpace(chunk.text().charAt(0)) || isSpace(chunk.text().charAt(chunk.text().length() - 1)))
                    .as("chunk %d has leading or trailing whitespace: [%s]", i, chunk.text()).isFalse();
            assertThat(Character.isLowSurrogate(chunk.text().charAt(0))
                    || Character.isHighSurrogate(chunk.text().charAt(chunk.text().length() - 1)))
                    .as("chunk %d splits a surrogate pair", i).isFalse();
            if (i > 0) {
                Chunk previous = chunks.get(i - 1);
                assertThat(chunk.start()).as("start of chunk %d", i).isGreaterThan(previous.start());
                assertThat(chunk.end()).as("end of chunk %d", i).isGreaterThan(previous.end());
            }
            for (int c = chunk.start(); c < chunk.end(); c++) {
                covered[c] = true;
            }
        }
        for (int c = 0; c < body.length(); c++) {
            if (!isSpace(body.charAt(c))) {
                assertThat(covered[c]).as("character %d '%s' is in a chunk", c, body.charAt(c)).isTrue();
            }
        }
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
