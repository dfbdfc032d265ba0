package dev.byline.insights;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One answered question as the log keeps it. No client address or Slack user id unless configured
 * ({@link InsightsConfig#keepClientAddress()}, {@link InsightsConfig#keepSlackUser()}).
 *
 * @param answerId   the id the answer was returned with, which feedback names
 * @param at         when it was answered (ISO-8601 instant)
 * @param standalone the question as searched for (a follow-up made standalone)
 * @param outcome    {@code grounded}, {@code refused} or {@code fallback}
 * @param answer     the answer text, so a 👎 can be read next to it
 * @param citations  the articles cited, in citation order
 * @param latencyMs  from the question arriving to the answer being ready
 * @param model      who wrote the answer ({@code extractive}, or the language model's name)
 * @param client     the client's address or Slack user, only when configured; else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedQuestion(String answerId, String at, String channel, String question, String standalone,
                             boolean grounded, String outcome, String answer, List<Cited> citations, long latencyMs,
                             String model, String client) {

    public LoggedQuestion {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /**
     * A cited article: enough to list and link it without reading the index.
     *
     * @param storyId the story it belongs to (null in entries logged before stories existed: read as its own)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cited(int n, String articleId, String title, String url, String snippet, String storyId) {

        public String story() {
            return storyId == null ? articleId : storyId;
        }
    }
}
