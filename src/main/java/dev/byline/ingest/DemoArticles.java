package dev.byline.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The two demo articles shipped inside Byline (about Vladimir Putin's 2024 visit to Mongolia), as the API would take them. */
public final class DemoArticles {

    private static final String RESOURCE = "/seeds/demo-articles.json";

    private DemoArticles() {
    }

    public static List<Article> load() {
        try (InputStream in = DemoArticles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo articles (" + RESOURCE + ") are missing from the application");
            }
            return new ObjectMapper().readValue(in, new TypeReference<List<Article>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The demo articles cannot be read", e);
        }
    }
}
