package dev.byline.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The prompt files (top-level {@code prompts/}, one per purpose), read when Byline starts, from a
 * configured folder or from the copy inside the application. Lines starting with {@code #} are
 * comments for the people who edit them and are never sent. Variables are {@code {{name}}}; a
 * file that uses a variable its purpose does not supply is refused at start-up, not at the first question.
 */
public final class Prompts {

    public static final String SYSTEM = "system.txt";
    public static final String USER = "user.txt";
    public static final String CONDENSE = "condense.txt";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z]+)\\s*}}");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            SYSTEM, Set.of(),
            USER, Set.of("passages", "question", "today"),
            CONDENSE, Set.of("history", "question"));

    private final Map<String, String> templates;

    private Prompts(Map<String, String> templates) {
        this.templates = templates;
    }

    /** @param folder a folder holding the three files, or null for the application's own copy */
    public static Prompts load(Path folder) {
        return new Prompts(ALLOWED.keySet().stream().collect(Collectors.toUnmodifiableMap(name -> name, name -> {
            String text = stripComments(folder == null ? classpath(name) : file(folder.resolve(name)));
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                if (!ALLOWED.get(name).contains(m.group(1))) {
                    throw new IllegalStateException("Prompt " + name + " uses {{" + m.group(1) + "}}, but it is given only "
                            + ALLOWED.get(name));
                }
            }
            return text;
        })));
    }

    /** @return the prompt with each {@code {{name}}} replaced; values are inserted literally, never re-expanded */
    public String render(String name, Map<String, String> values) {
        String template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No prompt named " + name);
        }
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 1024);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String stripComments(String text) {
        return text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n")).strip();
    }

    private static String classpath(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The application is missing its prompt " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the prompt " + path + " (byline.answer.prompts-dir)", e);
        }
    }
}
