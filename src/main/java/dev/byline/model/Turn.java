package dev.byline.model;

import java.time.Instant;

/**
 * One exchange of a conversation.
 *
 * @param question   as the reader asked it
 * @param standalone the question rewritten to stand on its own (what was searched)
 * @param answer     the answer text given
 */
public record Turn(String question, String standalone, String answer, Instant at) {
}
