package dev.byline.tools.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.index.IndexEntry;
import dev.byline.ingest.ArticleValidator;
import dev.byline.ingest.FolderScanner;
import dev.byline.ingest.InvalidArticlesException;
import dev.byline.ingest.SourceFile;
import dev.byline.ingest.parse.ArticleParseException;
import dev.byline.ingest.parse.ArticleParsers;
import dev.byline.model.Article;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The real ingest measurement at one archive size: articles the archive does not hold yet (copy
 * {@code S} of base articles) sent to a running server's {@code POST /api/v1/articles}, {@value #BATCH}
 * at a time, where the real model embeds them. They stay in the archive afterwards.
 */
final class IngestSlice {

    static final int BATCH = 50;

    private IngestSlice() {
    }

    /** @return copy {@code copy} of the first {@code sample} base articles that are not duplicates, in base order */
    static List<Article> fromBase(List<IndexEntry> base, int copy, int sample) {
        return base.stream().filter(e -> e.duplicateOf() == null).limit(sample)
                .map(e -> ArchiveCopies.copy(e.article(), e.article().id(), copy)).toList();
    }

    /**
     * @param originals ids of the base articles that are not duplicates: only their files are taken, so the
     *                  slice is the same stories as {@link #fromBase} but read from the files
     * @return copy {@code copy} of the first {@code sample} such files' articles, in path order, each parsed by
     *         the application's parsers and put in stored form; unreadable files are skipped
     */
    static List<Article> fromCorpus(Path corpus, Set<String> originals, int copy, int sample) throws IOException {
        ArticleParsers parsers = ArticleParsers.defaults();
        ArticleValidator validator = new ArticleValidator();
        List<Article> slice = new ArrayList<>();
        for (SourceFile file : new FolderScanner(parsers).scan(corpus)) {
            if (slice.size() == sample) {
                break;
            }
            if (!originals.contains(file.id())) {
                continue;
            }
            try {
                for (Article a : validator.normalize(parsers.forFile(file.path()).orElseThrow().parse(file.path(), file.id()))) {
                    if (slice.size() < sample) {
                        slice.add(ArchiveCopies.copy(a, a.id(), copy));
                    }
                }
            } catch (ArticleParseException | InvalidArticlesException e) {
                // Folder ingest skips such a file too.
            }
        }
        return slice;
    }

    /**
     * @return articles and chunks stored and the wall time of all the requests together
     * @throws IOException when a request fails or is answered with anything but 200 or 201
     */
    static Posted post(HttpClient http, URI server, List<Article> articles, ObjectMapper json)
            throws IOException, InterruptedException {
        URI target = server.resolve("/api/v1/articles");
        long chunks = 0;
        int notCreated = 0;
        long started = System.nanoTime();
        for (int from = 0; from < articles.size(); from += BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + BATCH));
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                String body = response.body();
                throw new IOException("POST " + target + " answered " + response.statusCode() + ": "
                        + body.substring(0, Math.min(500, body.length())));
            }
            JsonNode answer = json.readTree(response.body());
            chunks += chunksIn(answer);
            notCreated += notCreated(answer);
        }
        return new Posted(articles.size(), chunks, notCreated, System.nanoTime() - started);
    }

    /** @return the sum of {@code articles[*].chunks} in an ingest response */
    static long chunksIn(JsonNode response) {
        long chunks = 0;
        for (JsonNode item : response.path("articles")) {
            chunks += item.path("chunks").asLong(0);
        }
        return chunks;
    }

    /** @return articles the server did not store as new (unchanged, duplicate, updated): they cost no or other work */
    static int notCreated(JsonNode response) {
        int n = 0;
        for (JsonNode item : response.path("articles")) {
            n += "created".equals(item.path("status").asText()) ? 0 : 1;
        }
        return n;
    }

    /** @param notCreated articles the server answered with another status than created: then the rate is not that of new articles */
    record Posted(int articles, long chunks, int notCreated, long nanos) {}
}
