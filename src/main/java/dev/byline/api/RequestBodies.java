package dev.byline.api;

import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a ceiling, so an oversized upload is refused before it fills memory. */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] readLimited(InputStream in, long maxBytes) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw ProblemException.tooLarge("body",
                    "the request is larger than " + maxBytes + " bytes (byline.ingest.max-request-size)");
        }
        return body;
    }
}
