package dev.byline.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.byline.index.LuceneVectorApi.UPPER_VERSION_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

class LuceneVectorApiTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(UPPER_VERSION_PROPERTY);
        System.clearProperty(UPPER_VERSION_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(UPPER_VERSION_PROPERTY);
        } else {
            System.setProperty(UPPER_VERSION_PROPERTY, saved);
        }
    }

    @Test
    void should_let_lucene_use_the_vector_api_on_the_tested_java_and_not_beyond() {
        LuceneVectorApi.allowOnTestedJava();

        int running = Runtime.version().feature();
        if (running <= LuceneVectorApi.TESTED_UP_TO) {
            assertThat(Integer.parseInt(System.getProperty(UPPER_VERSION_PROPERTY))).isGreaterThanOrEqualTo(running);
        } else {
            assertThat(System.getProperty(UPPER_VERSION_PROPERTY)).isNull();
        }
    }

    @Test
    void should_leave_an_explicit_setting_alone() {
        System.setProperty(UPPER_VERSION_PROPERTY, "22");

        LuceneVectorApi.allowOnTestedJava();

        assertThat(System.getProperty(UPPER_VERSION_PROPERTY)).isEqualTo("22");
    }
}
