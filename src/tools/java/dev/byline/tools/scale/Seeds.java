package dev.byline.tools.scale;

/** Stable 64-bit seeds from text, the same on every JVM and run (FNV-1a over the UTF-16 code units). */
final class Seeds {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Seeds() {
    }

    static long of(String text) {
        long h = OFFSET;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h = (h ^ (c & 0xff)) * PRIME;
            h = (h ^ (c >>> 8)) * PRIME;
        }
        return h;
    }
}
