package dev.byline.widget;

/** Path matching for the HTTP filters, on Vert.x' normalized path so that {@code //api/./v1/chat} cannot slip past. */
final class Paths {

    private Paths() {
    }

    /** True for each path itself, below it, or with matrix parameters ({@code /api/v1/chat;x=1}). */
    static boolean matches(String path, String... prefixes) {
        if (path == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix) && (path.length() == prefix.length()
                    || path.charAt(prefix.length()) == '/' || path.charAt(prefix.length()) == ';')) {
                return true;
            }
        }
        return false;
    }
}
