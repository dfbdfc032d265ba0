package dev.byline.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a parsed request body against the shape of the record it is bound to, before binding, and reports every
 * field of the wrong JSON type at once ({@code question: must be a string; conversationId: must be a string}).
 * Data binding would stop at the first, or quietly turn {@code 42} into {@code "42"}. Absent and null fields pass:
 * whether a field is required is for the record's constraints to say. Unknown fields are ignored.
 */
final class JsonShapes {

    private JsonShapes() {
    }

    /** @return the fields whose JSON type does not fit {@code type}, in the record's order; empty when it fits */
    static List<Problem.FieldError> check(JsonNode root, Class<?> type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(root, type, "", errors);
        return errors;
    }

    private static void check(JsonNode node, Type type, String path, List<Problem.FieldError> errors) {
        if (node == null || node.isNull()) {
            return;
        }
        Class<?> raw = raw(type);
        String field = path.isEmpty() ? "body" : path;
        if (raw == String.class) {
            expect(node.isTextual(), field, "must be a string", errors);
        } else if (raw == Integer.class || raw == int.class) {
            expect(node.isIntegralNumber() && node.canConvertToInt(), field, "must be a whole number", errors);
        } else if (raw == Long.class || raw == long.class) {
            expect(node.isIntegralNumber() && node.canConvertToLong(), field, "must be a whole number", errors);
        } else if (raw == Double.class || raw == double.class) {
            expect(node.isNumber() && Double.isFinite(node.doubleValue()), field, "must be a number", errors);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(node.isBoolean(), field, "must be true or false", errors);
        } else if (List.class.isAssignableFrom(raw)) {
            if (expect(node.isArray(), field, "must be an array", errors)) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), element, path + "[" + i + "]", errors);
                }
            }
        } else if (raw.isRecord()) {
            if (expect(node.isObject(), field, "must be a JSON object", errors)) {
                for (RecordComponent c : raw.getRecordComponents()) {
                    check(node.get(c.getName()), c.getGenericType(), path.isEmpty() ? c.getName() : path + "." + c.getName(), errors);
                }
            }
        } else if (raw != JsonNode.class) {
            throw new IllegalArgumentException("JsonShapes does not know " + raw.getName() + " (at " + field + ")");
        }
    }

    private static boolean expect(boolean fits, String field, String message, List<Problem.FieldError> errors) {
        if (!fits) {
            errors.add(new Problem.FieldError(field, message));
        }
        return fits;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
