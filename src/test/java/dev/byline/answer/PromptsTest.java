package dev.byline.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptsTest {

    @Test
    void should_load_the_shipped_prompts_without_their_comment_lines() {
        Prompts prompts = Prompts.load(null);

        String system = prompts.render(Prompts.SYSTEM, Map.of());
        assertThat(system).contains("[n]").contains("NOT_IN_ARTICLES").doesNotContain("# Byline");
        assertThat(prompts.render(Prompts.USER, Map.of("passages", "[1] A passage", "question", "Why?")))
                .contains("[1] A passage").contains("Question: Why?");
    }

    @Test
    void should_insert_values_literally_without_expanding_them_again() {
        String rendered = Prompts.load(null).render(Prompts.USER, Map.of("passages", "{{question}} $1 \\", "question", "Q"));

        assertThat(rendered).contains("{{question}} $1 \\");
    }

    @Test
    void should_read_an_override_folder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(Prompts.SYSTEM), "# comment\nBe terse.");
        Files.writeString(dir.resolve(Prompts.USER), "{{passages}}\n{{question}}");
        Files.writeString(dir.resolve(Prompts.CONDENSE), "{{history}} {{question}}");

        assertThat(Prompts.load(dir).render(Prompts.SYSTEM, Map.of())).isEqualTo("Be terse.");
    }

    @Test
    void should_refuse_at_load_a_prompt_that_uses_an_unknown_variable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(Prompts.SYSTEM), "Rules.");
        Files.writeString(dir.resolve(Prompts.USER), "{{passages}} {{secret}}");
        Files.writeString(dir.resolve(Prompts.CONDENSE), "{{history}} {{question}}");

        assertThatThrownBy(() -> Prompts.load(dir)).hasMessageContaining("user.txt").hasMessageContaining("{{secret}}");
    }

    @Test
    void should_name_the_missing_file_and_the_key(@TempDir Path dir) {
        assertThatThrownBy(() -> Prompts.load(dir)).hasMessageContaining("byline.answer.prompts-dir");
    }
}
