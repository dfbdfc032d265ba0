package dev.byline.slack;

import com.slack.api.methods.SlackApiException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlackRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final SlackRetry retry = new SlackRetry(
            new SlackRetry.Policy(4, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(60)), waits::add);

    private static SlackApiException http(int status, String retryAfter) {
        Response.Builder b = new Response.Builder().request(new Request.Builder().url("http://slack.test/api/chat.postMessage").build())
                .protocol(Protocol.HTTP_1_1).code(status).message("status " + status);
        if (retryAfter != null) {
            b.header("Retry-After", retryAfter);
        }
        return new SlackApiException(b.build(), "{\"ok\":false}");
    }

    /** Fails with the given exceptions in turn, then answers "ok". */
    private SlackRetry.Attempt<String> failing(Exception... failures) {
        return () -> {
            int n = calls.getAndIncrement();
            if (n < failures.length) {
                Exception e = failures[n];
                if (e instanceof SlackApiException s) {
                    throw s;
                }
                throw (IOException) e;
            }
            return "ok";
        };
    }

    @Test
    void should_wait_as_long_as_a_429_asks_before_trying_again() {
        String result = retry.run("chat.postMessage", failing(http(429, "7")), r -> SlackRetry.Outcome.OK);

        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void should_back_off_exponentially_up_to_the_ceiling_on_server_and_network_errors() {
        String result = retry.run("chat.postMessage",
                failing(http(500, null), new SocketTimeoutException("read timed out"), http(503, null)), r -> SlackRetry.Outcome.OK);

        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void should_give_up_after_the_last_attempt_naming_the_call_and_the_problem() {
        assertThatThrownBy(() -> retry.run("chat.postMessage",
                failing(http(502, null), http(502, null), http(502, null), http(502, null)), r -> SlackRetry.Outcome.OK))
                .isInstanceOf(SlackCallException.class).hasMessage("chat.postMessage failed after 4 attempt(s): HTTP 502");
        assertThat(calls).hasValue(4);
    }

    @Test
    void should_not_hold_a_worker_when_slack_asks_for_a_long_pause() {
        assertThatThrownBy(() -> retry.run("chat.postMessage", failing(http(429, "3600")), r -> SlackRetry.Outcome.OK))
                .isInstanceOf(SlackCallException.class).hasMessageContaining("3600s");
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> retried: {1}")
    @CsvSource({
            "ratelimited, true",
            "internal_error, true",
            "service_unavailable, true",
            "channel_not_found, false",
            "not_in_channel, false",
            "invalid_auth, false",
    })
    void should_retry_transient_web_api_errors_only(String error, boolean retried) {
        AtomicInteger n = new AtomicInteger();
        SlackRetry.Attempt<String> answer = () -> n.getAndIncrement() == 0 ? error : "fine";
        var run = (Runnable) () -> retry.run("chat.postMessage", answer, r -> SlackRetry.apiError(r.equals("fine"), r));

        if (retried) {
            run.run();
            assertThat(n).hasValue(2);
        } else {
            assertThatThrownBy(run::run).isInstanceOf(SlackCallException.class).hasMessageEndingWith(error);
            assertThat(n).hasValue(1);
        }
    }

    @Test
    void should_not_retry_a_client_error() {
        assertThatThrownBy(() -> retry.run("response_url", failing(http(404, null)), r -> SlackRetry.Outcome.OK))
                .hasMessage("response_url failed after 1 attempt(s): HTTP 404");
        assertThat(waits).isEmpty();
    }
}
