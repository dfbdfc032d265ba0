package dev.byline.feeds;

import java.net.URI;

/**
 * What a GET brought: a body, or for a conditional GET that the server answered {@code 304}, nothing new.
 *
 * @param url          where the body came from after redirects (relative links resolve against it)
 * @param etag         the validator to send back as {@code If-None-Match}, or null
 * @param lastModified the date to send back as {@code If-Modified-Since}, or null
 */
record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified, URI url) {

    static Fetched notModified(URI url) {
        return new Fetched(true, new byte[0], null, null, null, url);
    }
}
