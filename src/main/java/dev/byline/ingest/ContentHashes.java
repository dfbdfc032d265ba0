package dev.byline.ingest;

import dev.byline.model.Article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hashes that decide "unchanged" (every field equal) and "duplicate" (same text under another id).
 * Public for tools that write index entries without the ingest service (the {@code scale} command).
 */
public final class ContentHashes {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ContentHashes() {
    }

    public static String content(Article a) {
        return sha256(String.join("\u0000", a.title(), a.body(), nn(a.url()), nn(a.source()), nn(a.author()), nn(a.publishedAt())));
    }

    /** Case, punctuation, quote style and spacing differ between copies of the same wire story; words do not. */
    public static String normalizedBody(String body) {
        return sha256(NOT_WORD.matcher(body.toLowerCase(Locale.ROOT)).replaceAll(" ").strip());
    }

    static String derivedId(String title, String body) {
        return "a-" + sha256(title.strip() + "\n" + body.strip()).substring(0, 20);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
