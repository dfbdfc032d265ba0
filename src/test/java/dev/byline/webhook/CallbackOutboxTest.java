package dev.byline.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallbackOutboxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private final AtomicInteger answered = new AtomicInteger();
    private final WebhookSignature signature = new WebhookSignature("s3cret", Clock.systemUTC());

    @BeforeEach
    void start() {
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private CallbackOutbox outbox(Duration giveUpAfter) {
        return new CallbackOutbox(new FileCallbackStore(dir), (question, conversationId) -> {
            answered.incrementAndGet();
            return ("{\"answer\":\"About: " + question + "\",\"conversationId\":\"" + conversationId + "\"}").getBytes(StandardCharsets.UTF_8);
        }, new CallbackSender(signature, Duration.ofSeconds(2)), new CallbackUrls(Optional.empty()),
                new CallbackOutbox.Backoff(Duration.ofMillis(50), Duration.ofMillis(200), giveUpAfter), 1, Duration.ofSeconds(30), Clock.systemUTC());
    }

    private List<LoggedRequest> calls(String path) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void should_resume_a_pending_callback_after_a_restart_without_answering_again() throws Exception {
        receiver.stubFor(post("/cb").willReturn(aResponse().withStatus(503)));
        CallbackOutbox first = outbox(Duration.ofMinutes(5));
        String id = first.accept(receiver.baseUrl() + "/cb", "When?", "conv-1");
        await().atMost(PATIENCE).until(() -> calls("/cb").size() >= 2);
        first.close();
        assertThat(first.pending()).isEqualTo(1);

        receiver.stubFor(post("/cb").willReturn(ok()));
        CallbackOutbox second = outbox(Duration.ofMinutes(5));
        second.start();

        await().atMost(PATIENCE).until(() -> second.pending() == 0);
        second.close();
        List<LoggedRequest> all = calls("/cb");
        assertThat(all.getLast().getHeader("X-Byline-Delivery")).isEqualTo(id);
        assertThat(all.getLast().getBodyAsString()).isEqualTo("{\"answer\":\"About: When?\",\"conversationId\":\"conv-1\"}");
        assertThat(signature.verify(all.getLast().getHeader(WebhookSignature.HEADER), all.getLast().getBody()))
                .isEqualTo(WebhookSignature.Outcome.VALID);
        assertThat(answered).hasValue(1);
    }

    @Test
    void should_answer_pending_requests_a_crash_left_unanswered() throws Exception {
        receiver.stubFor(post("/cb").willReturn(ok()));
        Files.writeString(dir.resolve("0f8fad5b-d9cb-469f-a165-70867728950e.json"), """
                {"id":"0f8fad5b-d9cb-469f-a165-70867728950e","callbackUrl":"%s/cb","question":"Who?","conversationId":"c",
                 "createdAtMillis":%d,"attempts":0,"nextAttemptAtMillis":0,"body":null}
                """.formatted(receiver.baseUrl(), System.currentTimeMillis()));
        CallbackOutbox outbox = outbox(Duration.ofMinutes(5));

        outbox.start();

        await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
        outbox.close();
        assertThat(calls("/cb")).singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("About: Who?"));
    }

    @Test
    void should_give_up_after_the_bounded_time_and_delete_the_delivery() throws Exception {
        receiver.stubFor(post("/cb").willReturn(aResponse().withStatus(500)));
        CallbackOutbox outbox = outbox(Duration.ofMillis(700));

        outbox.accept(receiver.baseUrl() + "/cb", "When?", "conv-1");

        await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
        outbox.close();
        int attempts = calls("/cb").size();
        assertThat(attempts).isBetween(2, 10);
        assertThat(calls("/cb")).extracting(r -> r.getHeader("X-Byline-Attempt")).startsWith("1", "2");
    }

    @Test
    void should_set_unreadable_outbox_files_aside_instead_of_failing_start_up() throws Exception {
        Files.writeString(dir.resolve("0f8fad5b-d9cb-469f-a165-70867728950e.json"), "{not json");
        CallbackOutbox outbox = outbox(Duration.ofMinutes(5));

        outbox.start();
        outbox.close();

        assertThat(dir.resolve("0f8fad5b-d9cb-469f-a165-70867728950e.json.corrupt")).exists();
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void should_not_follow_a_redirect_to_another_host() throws Exception {
        receiver.stubFor(post("/cb").willReturn(aResponse().withStatus(307).withHeader("Location", receiver.baseUrl() + "/elsewhere")));
        receiver.stubFor(any(urlEqualTo("/elsewhere")).willReturn(ok()));
        CallbackOutbox outbox = outbox(Duration.ofMillis(400));

        outbox.accept(receiver.baseUrl() + "/cb", "When?", "c");

        await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
        outbox.close();
        assertThat(calls("/cb")).isNotEmpty();
        assertThat(receiver.findAll(anyRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
    }
}
