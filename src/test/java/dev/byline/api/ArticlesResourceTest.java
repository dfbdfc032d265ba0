package dev.byline.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The articles contract ({@link ArticlesContract}) on the embedded index, and what only a test inside the server can see. */
@QuarkusTest
class ArticlesResourceTest extends ArticlesContract {

    /**
     * The request is sent whole, then the connection closed: chunking and embedding 200 KB takes seconds, and the
     * request stops at the next stage it reaches, with nothing stored and a log line saying so. On a busy machine the
     * close can come before the server has read the body: that read then fails, and stops the request the same way.
     */
    @Test
    void should_stop_storing_articles_whose_client_has_gone() throws IOException {
        String prose = "The ferry service to the northern islands will resume in spring, the council said on Monday. ".repeat(2_200);
        byte[] json = ("{\"id\":\"gone/1\",\"title\":\"Ferries resume\",\"body\":\"" + prose + "\"}").getBytes(StandardCharsets.UTF_8);
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r instanceof ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(ProblemMappers.class.getName());
        logger.addHandler(capture);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
        } finally {
            try {
                // Seen at the next check: at worst after one slice of embedding, seconds (a minute on a loaded machine).
                await().atMost(Duration.ofMinutes(3)).until(() -> logged.stream().anyMatch(m -> m.contains("client has gone")));
            } finally {
                logger.removeHandler(capture);
            }
        }

        given().when().get("/api/v1/articles/gone/1").then().statusCode(404);
    }
}
