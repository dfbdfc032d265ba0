package dev.byline.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.byline.scaleout.BylineNodes.Reply;
import dev.byline.slack.SlackRequests;
import dev.byline.testsupport.PackagedServer;
import dev.byline.testsupport.SolrTestCluster;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.byline.scaleout.BylineNodes.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.byline.scaleout.BylineNodes.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Byline instances sharing one collection, as the scale-out promise says ("any number of Byline nodes on one
 * collection serve any request"): two packaged servers ({@link BylineNodes}) on a real 3-node SolrCloud in this JVM
 * ({@link SolrTestCluster}; the collection has 2 shards of 2 replicas, Byline's defaults), and Solr nodes stopped under
 * them. Conversations and Slack's event ids live in the cluster too ({@code <collection>_state}), so a follow-up and a
 * Slack event may reach either node; the Slack Web API is a local WireMock. One cluster and one pair of servers for the
 * class; a test that stops Solr nodes starts them again and waits for every collection to be active before it ends.
 * Runs after {@code package}; the servers' logs are {@code target/twonodes-1-server.log} and
 * {@code target/twonodes-2-server.log}.
 */
class TwoNodesIT {

    private static final String COLLECTION = "twonodes";
    /** How long a cluster or a Byline node may take to notice a stopped or returned Solr node: never waited out when healthy. */
    private static final Duration CLUSTER_CHANGE = Duration.ofMinutes(2);
    private static final String SLACK_SECRET = "twonodes-slack-signing-secret";
    /** How long after the first reply a second one would have come: both nodes had the event before the first reply. */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static WireMockServer slack;
    private static BylineNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        slack = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        slack.start();
        SlackRequests.stubSlack(slack);
        nodes = BylineNodes.start(COLLECTION, Map.of("byline.slack.signing-secret", SLACK_SECRET,
                "byline.slack.bot-token", "xoxb-twonodes", "byline.slack.api-url", slack.baseUrl() + "/api/"));
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (slack != null) {
            slack.stop();
        }
    }

    private static PackagedServer node(int n) {
        return nodes.node(n);
    }

    private static Map<String, Object> article(String id, String title, String body) {
        return Map.of("id", id, "title", title, "body", body, "source", "Harbour Times", "publishedAt", "2025-02-11");
    }

    private static List<String> hitIds(Reply search) {
        assertThat(search.status()).as("%s", search).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        search.json().get("hits").forEach(h -> ids.add(h.get("articleId").asText() + " " + h.get("chunkId").asText()));
        return ids;
    }

    @Test
    void should_find_through_node_2_what_was_written_through_node_1__and_answer_alike_with_the_same_citations() throws Exception {
        Reply created = post(node(1), "/api/v1/articles", List.of(article("harbour/ferry", "Island ferry returns",
                "The ferry to Skerry Island will sail again on 14 March, the harbour authority said on Tuesday. "
                        + "The service stopped in January after storms damaged the pier. "
                        + "Repairs to the pier cost 2.3 million pounds, paid by the regional council.")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);

        Reply read = get(node(2), "/api/v1/articles/harbour/ferry");
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().get("title").asText()).isEqualTo("Island ferry returns");

        Map<String, Object> query = Map.of("query", "Skerry Island ferry pier", "k", 5);
        List<String> throughTwo = hitIds(post(node(2), "/api/v1/search", query));
        assertThat(throughTwo.getFirst()).startsWith("harbour/ferry ");
        assertThat(throughTwo).isEqualTo(hitIds(post(node(1), "/api/v1/search", query)));

        Map<String, Object> question = Map.of("question", "When will the ferry to Skerry Island sail again?");
        JsonNode one = post(node(1), "/api/v1/ask", question).json();
        JsonNode two = post(node(2), "/api/v1/ask", question).json();
        assertThat(two.get("grounded").asBoolean()).as("%s", two).isTrue();
        assertThat(two.get("answer").asText()).contains("14 March");
        assertThat(two.findValuesAsText("articleId")).contains("harbour/ferry");
        assertThat(two.get("answer")).isEqualTo(one.get("answer"));
        assertThat(two.get("citations")).isEqualTo(one.get("citations"));
    }

    @Test
    void should_understand_on_node_2_a_follow_up_to_a_conversation_started_on_node_1() throws Exception {
        JsonNode first = post(node(1), "/api/v1/ask", Map.of("question", "Who invited Putin to Mongolia?")).json();
        String id = first.get("conversationId").asText();

        JsonNode followUp = post(node(2), "/api/v1/ask", Map.of("question", "When is he going?", "conversationId", id)).json();

        assertThat(followUp.get("conversationId").asText()).isEqualTo(id);
        assertThat(followUp.get("grounded").asBoolean()).as("%s", followUp).isTrue();
        assertThat(followUp.get("answer").asText()).as("\"he\" read as Putin, going to Mongolia").contains("September 3");
    }

    @Test
    void should_show_on_either_nodes_editors_page_a_question_asked_on_one_and_rated_on_the_other() throws Exception {
        String question = "Which harbour will the ferry to Skerry Island use this spring?";
        JsonNode asked = post(node(1), "/api/v1/ask", Map.of("question", question)).json();
        String answerId = asked.get("answerId").asText();
        Reply rated = post(node(2), "/api/v1/feedback", Map.of("answerId", answerId, "rating", "down",
                "comment", "Rated on node two"));
        assertThat(rated.status()).as("%s", rated).isEqualTo(204);

        for (int n = 1; n <= 2; n++) {
            PackagedServer editor = node(n);
            int shown = n;
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Reply log = get(editor, "/api/v1/admin/questions?format=json");
                assertThat(log.status()).as("%s", log).isEqualTo(200);
                JsonNode entry = null;
                for (JsonNode e : log.json()) {
                    if (answerId.equals(e.get("question").get("answerId").asText())) {
                        entry = e;
                    }
                }
                assertThat(entry).as("question %s in node %d's log", answerId, shown).isNotNull();
                assertThat(entry.get("question").get("question").asText()).isEqualTo(question);
                assertThat(entry.get("feedback").findValuesAsText("comment")).containsExactly("Rated on node two");
            });
        }
    }

    @Test
    void should_answer_once_a_slack_event_delivered_to_both_nodes() throws Exception {
        String ts = SlackRequests.ts();
        String event = SlackRequests.mention(SlackRequests.eventId(), "C1", "U1", "<@UBYLINE> When will Putin visit Mongolia?", ts, null);
        long at = Instant.now().getEpochSecond();
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (PackagedServer node : nodes.both()) {
            deliveries.add(PackagedServer.HTTP.sendAsync(HttpRequest.newBuilder(node.uri("/slack/events"))
                    .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", Long.toString(at))
                    .header("X-Slack-Signature", SlackRequests.signature(SLACK_SECRET, at, event))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
            assertThat(delivery.get().statusCode()).as("Slack is told the event arrived, by each node").isEqualTo(200);
        }

        await().atMost(CLUSTER_CHANGE).until(() -> SlackRequests.postedInThread(slack, ts), replies -> !replies.isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> SlackRequests.postedInThread(slack, ts).size() == 1);
        assertThat(SlackRequests.postedInThread(slack, ts).getFirst().get("text")).contains("September 3");
    }

    @Test
    void should_keep_answering_searches_and_keep_every_acknowledged_article_when_a_solr_node_stops_during_ingest() throws Exception {
        assertThat(post(node(1), "/api/v1/articles", article("harbour/lighthouse", "Lighthouse keeper retires",
                "The last keeper of the Skerry lighthouse retired after forty years of storms.")).status()).isEqualTo(201);
        MiniSolrCloudCluster cluster = SolrTestCluster.cluster();
        List<Reply> searches = new ArrayList<>();
        BackgroundWriter writer = new BackgroundWriter(nodes.both());
        try (writer) {
            await().atMost(CLUSTER_CHANGE).until(() -> writer.acknowledged().size() >= 2);
            String stoppedName = cluster.getJettySolrRunner(0).getNodeName();
            JettySolrRunner stopped = cluster.stopJettySolrRunner(0);
            try {
                await().atMost(CLUSTER_CHANGE).until(() -> !cluster.getSolrClient().getClusterState().getLiveNodes().contains(stoppedName));
                int before = writer.attempts();
                for (int i = 0; i < 6; i++) {
                    searches.add(post(node(1 + i % 2), "/api/v1/search", Map.of("query", "lighthouse keeper storms", "k", 5)));
                }
                await().atMost(CLUSTER_CHANGE).until(() -> writer.attempts() >= before + 4);
            } finally {
                cluster.startJettySolrRunner(stopped, true);
                SolrTestCluster.awaitEveryCollection();
            }
            int back = writer.attempts();
            await().atMost(CLUSTER_CHANGE).until(() -> writer.attempts() >= back + 2);
        }

        assertThat(searches).as("searches while a Solr node is down").allSatisfy(s -> assertThat(hitIds(s)).isNotEmpty()
                .first().asString().startsWith("harbour/lighthouse "));
        assertThat(writer.failures()).as("every write acknowledged or refused with a 503 problem").isEmpty();
        assertThat(writer.acknowledged()).isNotEmpty();
        for (String id : writer.acknowledged()) {
            for (PackagedServer node : nodes.both()) {
                assertThat(get(node, "/api/v1/articles/" + id).status()).as("%s acknowledged, read through %s", id, node.uri("/")).isEqualTo(200);
            }
        }
        for (String id : writer.refused()) { // "retry later", and safe to: the same upsert
            int n = Integer.parseInt(id.substring("ingest/".length()));
            await("a retry of " + id + " to be acknowledged").atMost(CLUSTER_CHANGE)
                    .until(() -> post(node(2), "/api/v1/articles", BackgroundWriter.report(n)).status() / 100 == 2);
        }
    }

    @Test
    void should_answer_503_problems_and_report_not_ready_while_the_whole_cluster_is_down__then_recover_without_a_restart() throws Exception {
        assertThat(post(node(2), "/api/v1/articles", article("harbour/observatory", "Observatory on the cliff",
                "Astronomers at the cliff observatory recorded a meteor shower over the bay.")).status()).isEqualTo(201);

        List<JettySolrRunner> stopped = SolrTestCluster.stopAll();
        try {
            for (PackagedServer node : nodes.both()) {
                await().atMost(CLUSTER_CHANGE).until(() -> get(node, "/q/health/ready").status() == 503);
                Reply ready = get(node, "/q/health/ready");
                assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
                assertUnavailable(post(node, "/api/v1/search", Map.of("query", "meteor shower")));
                assertUnavailable(post(node, "/api/v1/ask", Map.of("question", "What did the astronomers record?")));
                assertUnavailable(post(node, "/api/v1/articles", article("harbour/lost", "Lost", "Nothing can be written now.")));
                assertUnavailable(get(node, "/api/v1/articles/harbour/observatory"));
            }
        } finally {
            SolrTestCluster.startAll(stopped);
        }

        for (PackagedServer node : nodes.both()) {
            await().atMost(CLUSTER_CHANGE).until(() -> get(node, "/q/health/ready").status() == 200);
            assertThat(hitIds(post(node, "/api/v1/search", Map.of("query", "meteor shower observatory", "k", 3))).getFirst())
                    .startsWith("harbour/observatory ");
        }
        assertThat(post(node(1), "/api/v1/articles", article("harbour/after", "Observatory reopens",
                "The cliff observatory reopened to visitors after the storm.")).status()).isEqualTo(201);
        assertThat(get(node(2), "/api/v1/articles/harbour/after").status()).isEqualTo(200);
    }

    private static void assertUnavailable(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(503);
        assertThat(reply.json().get("detail").asText()).contains("retry later").doesNotContain("Solr");
    }
}
