package dev.byline.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.answer.SupportCheck;
import dev.byline.model.Passage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures {@link SupportCheck} on a claims file (the bundled {@code eval/claims.jsonl}): pairs of a true
 * paraphrase of a news passage and a falsified copy with one change (a figure, a name, a date, a
 * negation, a direction, an unsupported addition), each claim checked against its passage as if it
 * cited it. Reports, per split, how many falsified claims are still accepted and how many true ones
 * are rejected, overall and per kind of change, beside the rule the citation verifier applied before
 * the support check ({@link #BASELINE}: a cited sentence is accepted unless it quotes 12 or more
 * characters its passage does not contain).
 */
public final class ClaimSupportEvaluation {

    /** Classpath location of the bundled claims. */
    public static final String BUNDLED = "eval/claims.jsonl";
    /** Classpath location of the titles of the claims' articles. */
    public static final String TITLES = "eval/claim-titles.tsv";

    /** One claim of the file. */
    public record Claim(String id, String pair, String article, String passage, String claim, boolean label,
                        String change, String split) {

        Passage asPassage(String title) {
            return new Passage(article, article + "#claim", title, null, null, null, 0, passage.length(), passage, 0, Double.NaN);
        }
    }

    /** A claim and what each rule said about it. */
    public record Judged(Claim claim, boolean baselineAccepts, SupportCheck.Support support) {
    }

    private static final Pattern LONG_QUOTE = Pattern.compile("[\"“]([^\"“”]{12,}?)[\"”]");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Today's rule before the support check: accepted unless an invented quotation of 12+ characters. */
    public static final Predicate<Claim> BASELINE = c -> {
        Matcher q = LONG_QUOTE.matcher(c.claim());
        String passage = flat(c.passage());
        while (q.find()) {
            if (!passage.contains(flat(q.group(1)))) {
                return false;
            }
        }
        return true;
    };

    private ClaimSupportEvaluation() {
    }

    public static List<Claim> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claims file " + file, e);
        }
    }

    public static List<Claim> bundled() {
        try (InputStream in = ClaimSupportEvaluation.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Claim> read(InputStream in) throws IOException {
        List<Claim> claims = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String label = text(n, "label", lineNo);
            if (!label.equals("true") && !label.equals("false")) {
                throw new IllegalArgumentException("line " + lineNo + ": label must be true or false, not " + label);
            }
            claims.add(new Claim(text(n, "id", lineNo), text(n, "pair", lineNo), text(n, "article", lineNo),
                    text(n, "passage", lineNo), text(n, "claim", lineNo), label.equals("true"), text(n, "change", lineNo),
                    text(n, "split", lineNo)));
        }
        return claims;
    }

    private static String text(JsonNode n, String field, int lineNo) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("line " + lineNo + ": missing or non-text field " + field);
        }
        return v.asText();
    }

    /**
     * The titles of the claims' articles ({@code eval/claim-titles.tsv}): a cited passage reaches the
     * checker, the model and the reader with its article's title, which names what the passage calls
     * "the film" or "the firm".
     */
    public static Map<String, String> bundledTitles() {
        Map<String, String> titles = new HashMap<>();
        try (InputStream in = ClaimSupportEvaluation.class.getClassLoader().getResourceAsStream(TITLES)) {
            if (in == null) {
                throw new IllegalStateException(TITLES + " is missing from the class path");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2))
                    .forEach(f -> titles.put(f[0], f[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return titles;
    }

    /** Judges every claim with both rules, in file order, each against its passage under its article's title (if known). */
    public static List<Judged> judge(List<Claim> claims, Map<String, String> titles, SupportCheck check) {
        List<Judged> out = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            Passage cited = c.asPassage(titles.getOrDefault(c.article(), ""));
            out.add(new Judged(c, BASELINE.test(c), check.check(c.claim(), List.of(cited))));
        }
        return out;
    }

    /** Judges every claim, prints how long it took and one Markdown table per split. */
    public static List<Judged> run(List<Claim> claims, String from, SupportCheck check, PrintWriter out) {
        long start = System.nanoTime();
        List<Judged> judged = judge(claims, bundledTitles(), check);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Claim support: %d claims from %s in %.1f s (%.1f ms a claim, one thread)%n%n",
                claims.size(), from, seconds, 1000 * seconds / Math.max(1, claims.size()));
        out.print(markdown(judged));
        return judged;
    }

    /** Counts of one group of claims. */
    public record Rate(int wrong, int of) {

        public double rate() {
            return of == 0 ? 0 : (double) wrong / of;
        }

        String cell() {
            return String.format(Locale.ROOT, "%d/%d (%.1f%%)", wrong, of, 100 * rate());
        }
    }

    /** Falsified claims accepted, or true claims rejected, by the support check ({@code baseline} false) or the baseline. */
    public static Rate rate(List<Judged> judged, String split, boolean trueClaims, String change, boolean baseline) {
        int wrong = 0;
        int of = 0;
        for (Judged j : judged) {
            Claim c = j.claim();
            if (!c.split().equals(split) || c.label() != trueClaims || (change != null && !c.change().equals(change))) {
                continue;
            }
            of++;
            boolean accepted = baseline ? j.baselineAccepts() : j.support().supported();
            if (accepted != trueClaims) {
                wrong++;
            }
        }
        return new Rate(wrong, of);
    }

    /** One Markdown table per split: rows are true claims rejected, falsified claims accepted, and each kind of change. */
    public static String markdown(List<Judged> judged) {
        Map<String, List<String>> changesBySplit = new TreeMap<>();
        for (Judged j : judged) {
            List<String> changes = changesBySplit.computeIfAbsent(j.claim().split(), k -> new ArrayList<>());
            if (!j.claim().label() && !changes.contains(j.claim().change())) {
                changes.add(j.claim().change());
            }
        }
        StringBuilder out = new StringBuilder();
        for (var split : changesBySplit.entrySet()) {
            out.append("Split `").append(split.getKey()).append("`\n\n");
            out.append("| claims | baseline (cited, no invented quote) | support check |\n|---|---:|---:|\n");
            Map<String, String[]> rows = new LinkedHashMap<>();
            rows.put("true claims rejected", new String[]{null, "t"});
            rows.put("falsified claims accepted", new String[]{null, "f"});
            split.getValue().stream().sorted().forEach(ch -> rows.put("falsified accepted: " + ch, new String[]{ch, "f"}));
            rows.forEach((name, spec) -> {
                boolean trueClaims = spec[1].equals("t");
                out.append("| ").append(name).append(" | ")
                        .append(rate(judged, split.getKey(), trueClaims, spec[0], true).cell()).append(" | ")
                        .append(rate(judged, split.getKey(), trueClaims, spec[0], false).cell()).append(" |\n");
            });
            out.append('\n');
        }
        return out.toString();
    }

    private static String flat(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\"“”‘’']", "").replaceAll("\\s+", " ").strip();
    }
}
