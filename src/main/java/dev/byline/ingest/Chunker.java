package dev.byline.ingest;

import dev.byline.ingest.SentenceSplitter.Span;
import dev.byline.model.Chunk;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Cuts an article body into overlapping passages of whole sentences, sized for the embedding model.
 * <p>
 * Contract of {@link #chunk(String, String)}:
 * <ul>
 *   <li>every chunk's {@code text} is exactly {@code body.substring(start, end)} and has no leading or
 *       trailing whitespace; ordinals run from 0 and chunks are in body order with strictly increasing starts;</li>
 *   <li>a chunk is a run of whole sentences (a line break always ends a sentence). The one exception is a
 *       sentence of more than twice the target: it is cut at word boundaries (inside a "word" longer than a
 *       piece, such as a pasted blob, at a character) into pieces of about the target, which then pack like
 *       sentences. Sentence ends are found by {@link SentenceSplitter} (abbreviations, initials and decimals
 *       do not end a sentence);</li>
 *   <li>sentences are added while the chunk stays within {@code targetTokens}; one more may push it over only
 *       if the chunk would otherwise hold less than half the target, and a sentence larger than the target
 *       makes a chunk of its own. When the chunk is full, it ends at an earlier line break instead if that
 *       keeps at least 75% of the target;</li>
 *   <li>the next chunk starts with the trailing whole sentences of the previous one, summing to at most
 *       {@code overlapTokens} and leaving room for the first new sentence; every chunk holds at least one
 *       sentence the previous did not, so chunking always terminates;</li>
 *   <li>every non-whitespace character of the body is in some chunk; a blank body gives no chunks.</li>
 * </ul>
 * Each sentence is counted once with the token counter, so chunking costs one tokenizer call per sentence.
 * Immutable and thread-safe if the token counter is.
 */
public final class Chunker {

    // Loaded on first use only, so that Chunkers with other counters never load the native tokenizer.
    private static final class Bge {
        // The estimator's bundled tokenizer.json is identical to bge-small-en-v1.5's (BERT uncased WordPiece)
        // apart from padding and truncation, which the estimator turns off. Encoding is a read-only call into
        // the Rust tokenizer, safe to share between threads (ChunkerFixtureTest checks it).
        static final HuggingFaceTokenCountEstimator ESTIMATOR = new HuggingFaceTokenCountEstimator();
    }

    private record Unit(int start, int end, int tokens, boolean paragraphEnd) {
    }

    private final int targetTokens;
    private final int overlapTokens;
    private final ToIntFunction<String> tokenCounter;

    /**
     * @param targetTokens  chunk size to aim for, at least 1
     * @param overlapTokens most tokens of whole sentences repeated from one chunk to the next, from 0 (none)
     *                      to less than {@code targetTokens}
     * @param tokenCounter  tokens in a piece of text, as the embedding model counts them
     */
    public Chunker(int targetTokens, int overlapTokens, ToIntFunction<String> tokenCounter) {
        if (targetTokens < 1) {
            throw new IllegalArgumentException("targetTokens must be at least 1, was " + targetTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= targetTokens) {
            throw new IllegalArgumentException("overlapTokens must be in [0, targetTokens=" + targetTokens
                    + "), was " + overlapTokens);
        }
        this.targetTokens = targetTokens;
        this.overlapTokens = overlapTokens;
        this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    }

    /** A chunker counting tokens as bge-small-en-v1.5 does (WordPiece, no special tokens); one shared tokenizer. */
    public static Chunker forBge(int targetTokens, int overlapTokens) {
        return new Chunker(targetTokens, overlapTokens, Bge.ESTIMATOR::estimateTokenCountInText);
    }

    /**
     * @param articleId the article the chunks belong to, used in their ids
     * @param body      plain text; null or blank gives an empty list
     * @return the chunks, in body order
     */
    public List<Chunk> chunk(String articleId, String body) {
        Objects.requireNonNull(articleId, "articleId");
        if (body == null || body.isBlank()) {
            return List.of();
        }
        List<Unit> units = units(body);
        List<Chunk> chunks = new ArrayList<>();
        int first = 0; // first unit of the chunk being built
        int fresh = 0; // first unit the previous chunk did not hold
        while (fresh < units.size()) {
            int end = endOf(units, first, fresh);
            int start = units.get(first).start();
            int stop = units.get(end - 1).end();
            int ordinal = chunks.size();
            chunks.add(new Chunk(Chunk.idOf(articleId, ordinal), articleId, ordinal, start, stop,
                    body.substring(start, stop)));
            fresh = end;
            if (end < units.size()) {
                first = overlapStart(units, first, end);
            }
        }
        return List.copyOf(chunks);
    }

    /** @return the exclusive end unit of the chunk starting at {@code first}; always past {@code fresh} */
    private int endOf(List<Unit> units, int first, int fresh) {
        int n = units.size();
        int end = first;
        long tokens = 0; // long: a hostile counter may return Integer.MAX_VALUE
        while (end < n && tokens + units.get(end).tokens() <= targetTokens) {
            tokens += units.get(end).tokens();
            end++;
        }
        if (end <= fresh) {
            return fresh + 1; // a unit larger than the target stands alone
        }
        if (end == n) {
            return end;
        }
        if (tokens * 2 < targetTokens) {
            return end + 1; // one sentence over the target beats a runt chunk
        }
        if (units.get(end - 1).paragraphEnd()) {
            return end;
        }
        long kept = tokens;
        for (int candidate = end - 1; candidate > fresh; candidate--) {
            kept -= units.get(candidate).tokens();
            if (kept * 4 < targetTokens * 3L) {
                break;
            }
            if (units.get(candidate - 1).paragraphEnd()) {
                return candidate;
            }
        }
        return end;
    }

    /** @return the first unit of the chunk after one spanning {@code [first, end)} */
    private int overlapStart(List<Unit> units, int first, int end) {
        // Leave room for the first new unit, so the overlap never crowds out progress or bloats the chunk.
        int room = Math.min(overlapTokens, targetTokens - units.get(end).tokens());
        int start = end;
        long tokens = 0;
        while (start - 1 > first && tokens + units.get(start - 1).tokens() <= room) {
            tokens += units.get(start - 1).tokens();
            start--;
        }
        return start;
    }

    private List<Unit> units(String body) {
        List<Unit> units = new ArrayList<>();
        for (Span sentence : SentenceSplitter.split(body)) {
            int tokens = count(body, sentence.start(), sentence.end());
            if (tokens > 2L * targetTokens) {
                splitLongSentence(body, sentence, tokens, units);
            } else {
                units.add(new Unit(sentence.start(), sentence.end(), tokens, sentence.paragraphEnd()));
            }
        }
        return units;
    }

    /**
     * Cuts a sentence into pieces of about the target: the piece length in characters comes from the sentence's
     * own characters per token, so the text is counted once per piece and never word by word.
     */
    private void splitLongSentence(String body, Span sentence, int tokens, List<Unit> units) {
        long length = sentence.end() - sentence.start();
        int budget = (int) Math.max(1, length * targetTokens / tokens);
        int start = sentence.start();
        while (start < sentence.end()) {
            int cut = sentence.end() - start <= budget ? sentence.end() : cutBefore(body, start, start + budget);
            int end = SentenceSplitter.trimEnd(body, start, cut);
            boolean last = cut == sentence.end();
            units.add(new Unit(start, end, count(body, start, end), last && sentence.paragraphEnd()));
            start = SentenceSplitter.skipSpace(body, cut, sentence.end());
        }
    }

    /** @return where to end a piece starting at {@code start} near {@code limit}: the last space, else limit */
    private static int cutBefore(String body, int start, int limit) {
        for (int i = limit; i > start; i--) {
            if (SentenceSplitter.isSpace(body.charAt(i))) {
                return i;
            }
        }
        if (Character.isLowSurrogate(body.charAt(limit))) {
            return limit - 1 > start ? limit - 1 : limit + 1; // never split a surrogate pair
        }
        return limit;
    }

    private int count(String body, int start, int end) {
        // A non-empty text is at least one token for packing; this also keeps a broken counter from stalling it.
        return Math.max(1, tokenCounter.applyAsInt(body.substring(start, end)));
    }
}
