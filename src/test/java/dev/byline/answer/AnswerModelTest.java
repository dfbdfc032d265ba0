package dev.byline.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerModelTest {

    @ParameterizedTest
    @CsvSource({"extractive, EXTRACTIVE", "openai, OPENAI", "stub, STUB", "' OpenAI ', OPENAI"})
    void should_accept_the_documented_values(String value, AnswerModel expected) {
        assertThat(AnswerModel.parse(value)).isEqualTo(expected);
    }

    @Test
    void should_name_the_key_and_the_allowed_values_for_an_unknown_one() {
        assertThatThrownBy(() -> AnswerModel.parse("gpt4"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("byline.answer.model=gpt4")
                .hasMessageContaining("extractive, openai, stub")
                .hasMessageContaining("BYLINE_ANSWER_MODEL");
    }

    @Test
    void should_refuse_to_call_openai_itself_without_a_key_but_let_local_servers_through() {
        assertThatThrownBy(() -> AnswerBeans.requireKey("https://api.openai.com/v1/", "not-set"))
                .hasMessageContaining("QUARKUS_LANGCHAIN4J_OPENAI_API_KEY");
        assertThatCode(() -> AnswerBeans.requireKey("http://localhost:11434/v1", "not-set")).doesNotThrowAnyException();
        assertThatCode(() -> AnswerBeans.requireKey("https://api.openai.com/v1/", "sk-test")).doesNotThrowAnyException();
    }

    @Test
    void should_keep_secrets_out_of_a_logged_url() {
        assertThat(AnswerBeans.withoutSecrets("https://user:pw@llm.example.com:8443/v1?token=abc"))
                .isEqualTo("https://llm.example.com:8443/v1");
    }
}
