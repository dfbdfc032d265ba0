package dev.byline.ingest.parse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads article files as UTF-8 text, forgiving the ways real files are broken. */
final class TextFiles {

    /** No single article is this large; refusing bigger files keeps a stray dump from exhausting the heap. */
    static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    /** Files holding many articles (JSON arrays) may be larger. */
    static final long MAX_COLLECTION_BYTES = 256L * 1024 * 1024;

    private TextFiles() {
    }

    /**
     * The file's text with a UTF-8 byte order mark removed and line ends normalised to {@code \n}.
     * Malformed UTF-8 becomes U+FFFD rather than an error: one bad byte should not lose an article.
     */
    static String read(Path file, long maxBytes) throws ArticleParseException {
        byte[] bytes = readBytes(file, maxBytes);
        return normaliseLineEnds(stripBom(decode(bytes)));
    }

    static CharsetDecoder lenientUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static String normaliseLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static void checkSize(Path file, long maxBytes) throws ArticleParseException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ArticleParseException(file, "file is " + size + " bytes, more than the "
                        + maxBytes + " accepted for this format");
            }
        } catch (IOException e) {
            throw new ArticleParseException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(Path file, long maxBytes) throws ArticleParseException {
        checkSize(file, maxBytes);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ArticleParseException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return lenientUtf8().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Unreachable with REPLACE actions; kept so a JDK change cannot silently lose text.
            throw new IllegalStateException(e);
        }
    }
}
