package dev.byline.widget;

import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static io.restassured.RestAssured.given;

/** Stores the fixture articles the browser tests cite; an upsert, so every test class may ask for them. */
final class WidgetArticles {

    private WidgetArticles() {
    }

    static void ensureIngested() {
        byte[] body;
        try (InputStream in = WidgetArticles.class.getResourceAsStream("/widget/articles.json")) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/articles")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}
