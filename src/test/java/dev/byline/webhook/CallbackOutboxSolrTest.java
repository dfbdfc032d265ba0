package dev.byline.webhook;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.byline.index.solr.SolrState;
import dev.byline.testsupport.SharedState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook callbacks delivered by two Byline nodes sharing SolrCloud, to a real HTTP receiver: each callback once,
 * and a callback whose node died on the way delivered by the other node.
 */
@Tag("solr")
class CallbackOutboxSolrTest {

    /** Long enough that a node on this shared, loaded test machine renews in time (a third of it). */
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    static final SharedState STATE = new SharedState("outbox");

    private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private final WebhookSignature signature = new WebhookSignature("s3cret", Clock.systemUTC());
    private final List<CallbackOutbox> nodes = new ArrayList<>();

    @BeforeEach
    void start() {
        STATE.clear(SolrCallbackStore.KIND);
        receiver.start();
        receiver.stubFor(post("/cb").willReturn(ok()));
    }

    @AfterEach
    void stop() {
        nodes.forEach(CallbackOutbox::close);
        receiver.stop();
    }

    private CallbackOutbox node(SolrState state, String name, CallbackOutbox.Answering answering) throws Exception {
        CallbackOutbox node = new CallbackOutbox(new SolrCallbackStore(state, name, LEASE, Clock.systemUTC()), answering,
                new CallbackSender(signature, Duration.ofSeconds(5)), new CallbackUrls(Optional.empty()),
                new CallbackOutbox.Backoff(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(5)), 2, LEASE,
                Clock.systemUTC());
        nodes.add(node);
        node.start();
        return node;
    }

    private static CallbackOutbox.Answering answeredBy(String node) {
        return (question, conversationId) -> ("{\"answer\":\"" + question + "\",\"by\":\"" + node + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private List<LoggedRequest> calls() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/cb")));
    }

    @Test
    void should_deliver_each_callback_once_while_two_nodes_sweep_for_callbacks_to_take_over() throws Exception {
        CallbackOutbox node1 = node(STATE.node1(), "node1", answeredBy("node1"));
        CallbackOutbox node2 = node(STATE.node2(), "node2", answeredBy("node2"));
        List<String> ids = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            ids.add((i % 2 == 0 ? node1 : node2).accept(receiver.baseUrl() + "/cb", "question " + i, "c" + i));
        }

        await().atMost(PATIENCE).until(() -> calls().size() >= ids.size() && node1.pending() == 0);
        assertThat(calls()).extracting(r -> r.getHeader("X-Byline-Delivery")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void should_let_another_node_deliver_once_a_callback_whose_node_died_while_answering() throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CallbackOutbox dying = node(STATE.node1(), "dying", (question, conversationId) -> {
            answering.countDown();
            awaitIgnoringInterrupts(never);
            return answeredBy("dying").answer(question, conversationId);
        });
        String id = dying.accept(receiver.baseUrl() + "/cb", "Who won?", "c1");
        answering.await();
        dying.close(); // its renewals stop; its answering thread stays stuck, as in a process that hung or died

        CallbackOutbox survivor = node(STATE.node2(), "survivor", answeredBy("survivor"));

        await().atMost(PATIENCE).until(() -> calls().size() == 1 && survivor.pending() == 0);
        LoggedRequest delivered = calls().getFirst();
        assertThat(delivered.getHeader("X-Byline-Delivery")).isEqualTo(id);
        assertThat(delivered.getBodyAsString()).isEqualTo("{\"answer\":\"Who won?\",\"by\":\"survivor\"}");
        assertThat(signature.verify(delivered.getHeader(WebhookSignature.HEADER), delivered.getBody()))
                .isEqualTo(WebhookSignature.Outcome.VALID);

        never.countDown(); // the stuck node wakes up, finds the callback gone and sends nothing
        dying.close(); // waits for its attempt to end
        assertThat(calls()).hasSize(1);
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // a hung process does not notice being stopped
            }
        }
    }
}
