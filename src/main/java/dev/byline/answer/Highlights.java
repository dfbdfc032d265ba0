package dev.byline.answer;

import dev.byline.model.Highlight;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spans of an answer that hold what the question asked for, for clients to show in bold: the
 * figures of a "how much", the dates of a "when", the names of a "who" or "where", that the
 * question does not already give. Found the same way whoever wrote the answer. Citation markers are
 * never part of a span. Pure and thread-safe.
 */
final class Highlights {

    /** A citation marker: one to three digits ("[2023]" is a year inserted by {@link DateInsertions}, which may be the fact asked for). */
    private static final Pattern MARKER = Pattern.compile("\\[\\d{1,3}]");

    private Highlights() {
    }

    static List<Highlight> of(String answer, String question) {
        AnswerType type = AnswerType.of(question);
        if (answer == null || answer.isEmpty() || type == AnswerType.ANY || type == AnswerType.REASON) {
            return List.of();
        }
        // Markers blanked out, same length: "[2]" is no figure, and offsets stay those of the answer.
        Matcher m = MARKER.matcher(answer);
        StringBuilder masked = new StringBuilder(answer);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                masked.setCharAt(i, ' ');
            }
        }
        List<Highlight> out = new ArrayList<>();
        for (int[] span : type.spans(masked.toString(), SentenceEvidence.words(question))) {
            out.add(new Highlight(span[0], span[1]));
        }
        return out;
    }
}
