package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonShapesTest {

    record Inner(String name, List<String> tags) {
    }

    record Outer(String text, Integer count, Double score, Boolean flag, Inner inner, List<Inner> items) {
    }

    private static List<String> check(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        return JsonShapes.check(root, Outer.class).stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fitting values      | {\"text\":\"a\",\"count\":3,\"score\":0.5,\"flag\":true,\"inner\":{\"name\":\"n\",\"tags\":[\"t\"]},\"items\":[{\"name\":\"m\"}]}",
            "nulls and absences  | {\"text\":null,\"inner\":{\"tags\":[null]},\"items\":[null]}",
            "unknown fields      | {\"other\":[1,{\"x\":2}],\"inner\":{\"more\":true}}",
    })
    void should_accept_values_of_the_record_types_and_leave_nulls_and_unknown_fields_to_others(String name, String json) throws Exception {
        assertThat(check(json)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "number for text          | {\"text\":42}                         | text: must be a string",
            "text for a whole number  | {\"count\":\"3\"}                     | count: must be a whole number",
            "fraction for whole       | {\"count\":1.5}                       | count: must be a whole number",
            "beyond int               | {\"count\":2147483648}                | count: must be a whole number",
            "text for a number        | {\"score\":\"high\"}                  | score: must be a number",
            "text for a flag          | {\"flag\":\"yes\"}                    | flag: must be true or false",
            "array for an object      | {\"inner\":[]}                        | inner: must be a JSON object",
            "text for a list          | {\"inner\":{\"tags\":\"t\"}}          | inner.tags: must be an array",
            "number in a list         | {\"inner\":{\"tags\":[\"a\",7]}}      | inner.tags[1]: must be a string",
            "text in a list of records| {\"items\":[{},\"x\"]}                | items[1]: must be a JSON object",
            "an array for the body    | [1]                                   | body: must be a JSON object",
    })
    void should_name_the_field_of_the_wrong_type_by_its_path(String name, String json, String expected) throws Exception {
        assertThat(check(json)).containsExactly(expected);
    }

    @Test
    void should_report_every_wrong_field_at_once_in_the_records_order() throws Exception {
        assertThat(check("{\"flag\":1,\"text\":2,\"inner\":{\"name\":3}}"))
                .containsExactly("text: must be a string", "flag: must be true or false", "inner.name: must be a string");
    }
}
