package dev.byline.tools.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.byline.index.IndexEntry;
import dev.byline.model.Article;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestSliceTest {

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void should_take_the_next_copy_of_base_articles_that_are_not_duplicates() throws Exception {
        List<IndexEntry> base = TinyArchive.entries();

        List<Article> slice = IngestSlice.fromBase(base, 10, 100);

        assertThat(slice).extracting(Article::id).containsExactly("business/001:v10", "sport/001:v10", "tech/001:v10");
        assertThat(slice.get(0)).isEqualTo(ArchiveCopies.copy(base.get(0).article(), "business/001", 10));
        assertThat(IngestSlice.fromBase(base, 10, 2)).hasSize(2);
    }

    @Test
    void should_read_the_same_slice_from_the_corpus_files() throws Exception {
        List<IndexEntry> base = TinyArchive.entries();
        Set<String> originals = base.stream().filter(e -> e.duplicateOf() == null).map(e -> e.article().id()).collect(Collectors.toSet());

        assertThat(IngestSlice.fromCorpus(TinyArchive.FIXTURES, originals, 10, 2)).isEqualTo(IngestSlice.fromBase(base, 10, 2));
        assertThat(IngestSlice.fromCorpus(TinyArchive.FIXTURES, Set.of("sport/001"), 3, 5)).extracting(Article::id)
                .containsExactly("sport/001:v3");
    }

    @Test
    void should_post_in_batches_of_fifty_and_count_the_chunks_stored() throws Exception {
        List<Integer> batchSizes = new ArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/articles", exchange -> {
            var articles = json.readTree(exchange.getRequestBody().readAllBytes());
            batchSizes.add(articles.size());
            var response = json.createObjectNode();
            var items = response.putArray("articles");
            articles.forEach(a -> items.addObject().put("id", a.get("id").asText()).put("chunks", 3)
                    .put("status", a.get("id").asText().equals("a/7") ? "unchanged" : "created"));
            byte[] body = response.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        List<Article> articles = IntStream.range(0, 120).mapToObj(i -> new Article("a/" + i, "T", "Body.", null, null, null, null)).toList();

        IngestSlice.Posted posted;
        try (HttpClient http = HttpClient.newHttpClient()) {
            posted = IngestSlice.post(http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), articles, json);
        }

        assertThat(batchSizes).containsExactly(50, 50, 20);
        assertThat(posted.articles()).isEqualTo(120);
        assertThat(posted.chunks()).isEqualTo(360);
        assertThat(posted.notCreated()).isEqualTo(1);
    }

    @Test
    void should_fail_with_the_servers_answer_when_a_batch_is_refused() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/articles", exchange -> {
            byte[] body = "{\"title\":\"Invalid article\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThatThrownBy(() -> IngestSlice.post(http, uri, List.of(new Article("a", "T", "B", null, null, null, null)), json))
                    .isInstanceOf(IOException.class).hasMessageContaining("400").hasMessageContaining("Invalid article");
        }
    }
}
