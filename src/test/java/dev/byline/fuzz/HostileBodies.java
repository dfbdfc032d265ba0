package dev.byline.fuzz;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Hostile JSON request bodies. {@link #mutations}: a valid body with each field in turn replaced by the values that
 * break fields of its kind, removed or repeated (tried exhaustively). {@link #bodies}: random objects whose fields
 * (mostly the endpoint's own names, so they reach its checks) hold values of every JSON type, with repeated keys,
 * deep nesting, numbers beyond every range, odd Unicode (lone surrogates, bidi overrides, NUL, zero-width),
 * truncated JSON and bytes that are not UTF-8.
 */
final class HostileBodies {

    /** A request body; shown as text when a property fails. */
    record Body(byte[] bytes) {
        static Body of(String text) {
            return new Body(text.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String t = text();
            return t.length() <= 400 ? t : t.substring(0, 400) + "... (" + bytes.length + " bytes)";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Texts that have caused trouble somewhere: markup, paths, extreme dates, bidi and zero-width marks, NUL. */
    private static final List<String> ODD_TEXTS = List.of("", " ", "\t\n", "\u0000", "\u202Eevil\u202C", "\u200B", "\uFEFF",
            "a\u0301", "\uD835\uDC00", "\uD83D\uDE00\u200D\uD83D\uDE00", "<script>alert(1)</script>", "<b>new</b>",
            "../../etc/passwd", "a/../b", "./x", "a//b", "x/", "+999999999-12-31T23:59:59Z", "-999999999-01-01",
            "2024-02-30", "2024-08-29", "2024-08-29T10:15:00Z", "javascript:alert(1)", "http://127.0.0.1:9/x", "file:///etc/passwd",
            "When will Putin visit Mongolia?", "Who invited Putin?", "demo/45db22ea0851c493", "hybrid", "BM25", "vector",
            "x".repeat(2_001), "Ev0123ABCD", "C1", "U1", "T1", "D1", "1700000000.000100", "app_mention", "message", "im",
            "event_callback", "url_verification", "block_actions", "byline_up", "byline_down", "%s%n", "${jndi:ldap://x}");

    /** JSON texts for values Java strings cannot say: escaped lone surrogates and NUL, numbers beyond every range. */
    private static final List<String> RAW_VALUES = List.of("\"\\ud800\"", "\"\\udc00x\"", "\"a\\u0000b\"", "-0", "0",
            "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e400", "1e-400", "1.5", "10.0", "1E2",
            "123456789012345678901234567890", "true", "false", "null", "[]", "{}", "[null]", "[[]]", "{\"\":{}}");

    private HostileBodies() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(3, Arbitraries.of(ODD_TEXTS)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(4)));
    }

    /** Any JSON value, nested at most {@code depth} deep, whose objects mostly use {@code fields}. */
    static Arbitrary<String> value(int depth, List<String> fields) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(4, text().map(HostileBodies::quote)),
                Tuple.of(3, Arbitraries.of(RAW_VALUES)),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)));
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalar),
                Tuple.of(1, Arbitraries.lazy(() -> value(depth - 1, fields)).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(2, Arbitraries.lazy(() -> object(depth - 1, fields))));
    }

    /** A JSON object of up to six fields; the keys come mostly from {@code fields}, so some repeat. */
    static Arbitrary<String> object(int depth, List<String> fields) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(fields)), Tuple.of(1, text()));
        return Combinators.combine(key, value(depth, fields)).as((k, v) -> quote(k) + ":" + v)
                .list().ofMaxSize(6).map(entries -> "{" + String.join(",", entries) + "}");
    }

    /** Random bodies for an endpoint whose fields are {@code fields} and a valid body looks like {@code valid}. */
    static Arbitrary<Body> bodies(List<String> fields, String valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, object(3, fields).map(Body::of)),
                Tuple.of(1, value(3, fields).map(Body::of)),
                Tuple.of(1, truncated(valid).map(Body::of)),
                Tuple.of(1, deep(fields).map(Body::of)),
                Tuple.of(1, hugeNumber(fields).map(Body::of)),
                Tuple.of(1, notUtf8(fields)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Body::new)));
    }

    /** Values that break a field of any type: other JSON types, emptiness, a lone surrogate, numbers out of range. */
    private static final List<String> ANY_FIELD = List.of("42", "null", "[]", "{}", "\"\"", "\"\\ud800\"");
    private static final List<String> DATES = List.of("\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01\"", "\"2024-02-30\"");
    private static final List<String> IDS = List.of("\"a/../b\"", "\"a//b\"", quote("x".repeat(201)));
    private static final List<String> TEXTS = List.of(quote("<b>new</b><script>alert(1)</script>"), quote("\uD835\uDC00".repeat(2_001)));
    private static final List<String> NUMBERS = List.of("2147483648", "-1", "10.0");
    private static final List<String> URLS = List.of("\"javascript:alert(1)\"", "\"file:///etc/passwd\"");
    private static final List<String> LISTS = List.of("[null]", "[1]", "\"x\"");

    /**
     * Every field of the valid body, at any depth, in turn: replaced by each value that could break a field of its
     * kind (by name: dates, ids, texts, numbers, URLs, lists), removed, and repeated at the end of its object.
     * Small enough to try exhaustively, so each of these cases is tried on every run.
     */
    static List<Body> mutations(String valid) {
        JsonNode template = read(valid);
        List<String> paths = new ArrayList<>();
        collect(template, "", paths);
        List<Body> bodies = new ArrayList<>();
        for (String path : paths) {
            for (String value : edgesFor(path, template.at(path))) {
                bodies.add(Body.of(replace(template, path, value)));
            }
            bodies.add(Body.of(replace(template, path, null)));
            repeat(template, path).ifPresent(b -> bodies.add(Body.of(b)));
        }
        return bodies;
    }

    private static List<String> edgesFor(String path, JsonNode current) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        List<String> edges = new ArrayList<>(ANY_FIELD);
        if (name.contains("published") || name.equals("ts") || name.endsWith("_ts")) {
            edges.addAll(DATES);
        } else if (name.endsWith("id") || name.endsWith("ids") || name.equals("value") || name.equals("user") || name.equals("channel")) {
            edges.addAll(IDS);
        } else if (name.contains("url")) {
            edges.addAll(URLS);
        } else if (current.isNumber() || name.equals("k")) {
            edges.addAll(NUMBERS);
        } else if (current.isTextual()) {
            edges.addAll(TEXTS);
        }
        if (current.isArray()) {
            edges.addAll(LISTS);
        }
        return edges;
    }

    /** The field given a second time, last in its object: JSON leaves the meaning of a repeated key open. */
    private static Optional<String> repeat(JsonNode template, String path) {
        String parentPath = path.substring(0, path.lastIndexOf('/'));
        String key = path.substring(path.lastIndexOf('/') + 1);
        JsonNode copy = template.deepCopy();
        JsonNode parent = parentPath.isEmpty() ? copy : copy.at(parentPath);
        if (!parent.isObject()) {
            return Optional.empty();
        }
        String again = parent.get(key).toString();
        ((ObjectNode) parent).put("@@again@@", "@@again@@");
        return Optional.of(copy.toString().replace("\"@@again@@\":\"@@again@@\"", quote(key) + ":" + again));
    }

    static Arbitrary<String> truncated(String valid) {
        return Arbitraries.integers().between(0, valid.length() - 1).map(n -> valid.substring(0, n));
    }

    /** Arrays or objects nested up to 5,000 deep, balanced or not, alone or as a field's value. */
    static Arbitrary<String> deep(List<String> fields) {
        return Combinators.combine(Arbitraries.integers().between(1, 5_000), Arbitraries.of(fields), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((n, field, arrays, balanced) -> {
            String open = arrays ? "[".repeat(n) : "{\"a\":".repeat(n);
            String close = balanced ? (arrays ? "]" : "}").repeat(n) : "";
            return "{" + quote(field) + ":" + open + (arrays ? "" : "1") + close + "}";
        });
    }

    static Arbitrary<String> hugeNumber(List<String> fields) {
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(20, 3_000), Arbitraries.of("", "-", "0.", "1e"))
                .as((field, digits, prefix) -> "{" + quote(field) + ":" + prefix + "9".repeat(digits) + "}");
    }

    /** A string field holding bytes that are not UTF-8: a lone continuation byte, an encoded surrogate, 0xFF. */
    static Arbitrary<Body> notUtf8(List<String> fields) {
        return Combinators.combine(Arbitraries.of(fields), Arbitraries.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC3, 0x28},
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xF0, (byte) 0x9F}))
                .as((field, bad) -> {
                    byte[] head = ("{" + quote(field) + ":\"a").getBytes(StandardCharsets.UTF_8);
                    byte[] tail = "b\"}".getBytes(StandardCharsets.UTF_8);
                    byte[] all = new byte[head.length + bad.length + tail.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(bad, 0, all, head.length, bad.length);
                    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
                    return new Body(all);
                });
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "/" + e.getKey();
                paths.add(child);
                collect(e.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "/" + i);
                collect(node.get(i), path + "/" + i, paths);
            }
        }
    }

    /** Replaces (or, with null, removes) the value at {@code path}, spliced in as raw JSON text. */
    private static String replace(JsonNode template, String path, String rawValue) {
        JsonNode copy = template.deepCopy();
        String marker = "@@hostile@@";
        String parentPath = path.substring(0, path.lastIndexOf('/'));
        String last = path.substring(path.lastIndexOf('/') + 1);
        JsonNode parent = parentPath.isEmpty() ? copy : copy.at(parentPath);
        if (parent.isObject()) {
            if (rawValue == null) {
                ((ObjectNode) parent).remove(last);
            } else {
                ((ObjectNode) parent).put(last, marker);
            }
        } else if (parent.isArray()) {
            var array = (ArrayNode) parent;
            if (rawValue == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), array.textNode(marker));
            }
        }
        String text = copy.toString();
        return rawValue == null ? text : text.replace("\"" + marker + "\"", rawValue);
    }
}
