package dev.byline.answer;

import dev.byline.model.Citation;
import dev.byline.model.Conflict;
import dev.byline.model.Passage;
import dev.byline.model.PublishedDates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Says so when reports disagree: each disagreement {@link ConflictFinder} finds among the passages
 * becomes a sentence put before the answer, attributing each statement to its outlet and date and
 * citing it (a passage not yet cited gets the next number), and an entry of {@code conflicts}.
 * Whatever wrote the answer, the reader is not given one report's value as the fact.
 */
final class ConflictNotes {

    /** More than this many disagreements in one answer would bury it; the first ones are the best-ranked. */
    static final int MAX_CONFLICTS = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"\u201D\u2019]?)\\s+");
    private static final Pattern BRACKETS = Pattern.compile("\\s*\\[[^\\]]{0,40}]");

    private final ConflictFinder finder = new ConflictFinder();

    record Noted(String text, List<Citation> citations, List<Conflict> conflicts) {
    }

    /** @param passages every passage retrieved, the story copies folded away included */
    Noted note(String question, String answer, List<Citation> citations, List<Passage> passages) {
        List<ConflictFinder.Found> found = finder.find(question, passages);
        if (found.isEmpty()) {
            return new Noted(answer, citations, List.of());
        }
        List<Citation> all = new ArrayList<>(citations);
        List<Conflict> conflicts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        // Reports of one day (or undated) that disagree first: two reports days apart may be an update, not a dispute.
        List<ConflictFinder.Found> ordered = found.stream().sorted(Comparator.comparing(ConflictNotes::daysApart)).toList();
        for (ConflictFinder.Found f : ordered.subList(0, Math.min(MAX_CONFLICTS, ordered.size()))) {
            boolean overTime = daysApart(f);
            boolean aFirst = !overTime || published(f.a()).compareTo(published(f.b())) <= 0;
            Conflict.Claim a = claim(aFirst ? f.a() : f.b(), all);
            Conflict.Claim b = claim(aFirst ? f.b() : f.a(), all);
            conflicts.add(new Conflict(f.kind(), f.about(), List.of(a, b)));
            if (overTime) {
                text.append("Reports changed over time on ").append(f.about()).append(": ")
                        .append(attribution(a)).append(" said \u201C").append(a.statement()).append("\u201D [").append(a.citation())
                        .append("], then ").append(attribution(b)).append(" said \u201C").append(b.statement()).append("\u201D [")
                        .append(b.citation()).append("]. ");
            } else {
                text.append("Reports differ on ").append(f.about()).append(": ")
                        .append(attribution(a)).append(" says \u201C").append(a.statement()).append("\u201D [").append(a.citation())
                        .append("], while ").append(attribution(b)).append(" says \u201C").append(b.statement()).append("\u201D [")
                        .append(b.citation()).append("]. ");
            }
        }
        return new Noted(text.append(undisputed(answer, conflicts)).toString().strip(), all, conflicts);
    }

    /**
     * The answer without its sentences that quote one side of a disagreement (reports of one day, or undated) as
     * the fact: the note before it already gives both sides. A figure that changed over days keeps its newest
     * statement, which is the answer. Sentences are cut at end punctuation; a statement cut differently is kept.
     */
    static String undisputed(String answer, List<Conflict> conflicts) {
        List<String> disputed = conflicts.stream().filter(c -> !c.overTime()).flatMap(c -> c.claims().stream())
                .map(c -> comparable(c.statement())).filter(s -> !s.isEmpty()).toList();
        if (disputed.isEmpty()) {
            return answer;
        }
        StringBuilder kept = new StringBuilder();
        for (String sentence : SENTENCE_END.split(answer)) {
            String plain = comparable(sentence);
            if (disputed.stream().noneMatch(plain::contains)) {
                kept.append(kept.isEmpty() ? "" : " ").append(sentence);
            }
        }
        return kept.toString();
    }

    /** Lower case, without citation markers, editorial insertions, end punctuation or repeated spaces. */
    private static String comparable(String text) {
        String plain = BRACKETS.matcher(DateInsertions.strip(text)).replaceAll(" ");
        return plain.replaceAll("\\s+", " ").replaceAll("[\\s.!?\"\u201D\u2019]+$", "").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean daysApart(ConflictFinder.Found f) {
        return Conflict.apart(Arrays.asList(f.a().passage().publishedAt(), f.b().passage().publishedAt()));
    }

    private static Instant published(ConflictFinder.Statement s) {
        Instant at = PublishedDates.parse(s.passage().publishedAt());
        return at == null ? Instant.MIN : at;
    }

    private static Conflict.Claim claim(ConflictFinder.Statement s, List<Citation> citations) {
        Passage p = s.passage();
        int n = citations.stream().filter(c -> c.chunkId().equals(p.chunkId())).mapToInt(Citation::n).findFirst()
                .orElseGet(() -> {
                    Citation added = Citation.of(citations.size() + 1, p);
                    citations.add(added);
                    return added.n();
                });
        return new Conflict.Claim(n, p.articleId(), p.source(), p.publishedAt(), s.sentence().strip());
    }

    /** "Reuters (29 August 2024)"; the title when the outlet is unknown; "undated" when the date is. */
    static String attribution(Conflict.Claim c) {
        String who = c.source() != null && !c.source().isBlank() ? c.source() : "one report";
        return who + " (" + day(c.publishedAt()) + ")";
    }

    private static String day(String publishedAt) {
        try {
            Instant at = PublishedDates.parse(publishedAt);
            return at == null ? "undated" : DAY.format(at.atZone(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return "undated";
        }
    }
}
