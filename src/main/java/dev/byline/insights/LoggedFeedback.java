package dev.byline.insights;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rating of an answer. A client's later rating of the same answer replaces its earlier one.
 *
 * @param client who rated: a salted hash of the address or Slack user, or the address itself when configured
 * @param rating {@code up} or {@code down}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedFeedback(String answerId, String at, String channel, String client, String rating, String comment) {

    public static final String UP = "up";
    public static final String DOWN = "down";
}
