package dev.byline.api;

import dev.byline.insights.LoggedFeedback;
import dev.byline.insights.LoggedQuestion;
import dev.byline.insights.QuestionLog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The question log as CSV (RFC 4180) for a spreadsheet. Every field is quoted; a field that a spreadsheet would run as
 * a formula (starting {@code = + - @}) gets a leading apostrophe: the questions are readers' text.
 */
final class QuestionsCsv {

    static final String HEADER = "at,channel,question,standalone_question,outcome,grounded,latency_ms,model,cited_articles,up,down,comments";

    private QuestionsCsv() {
    }

    static String of(List<QuestionLog.Rated> entries) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (QuestionLog.Rated r : entries) {
            LoggedQuestion q = r.question();
            String cited = q.citations().stream().map(LoggedQuestion.Cited::articleId).distinct().collect(Collectors.joining(" "));
            String comments = r.feedback().stream().map(LoggedFeedback::comment).filter(c -> c != null && !c.isBlank())
                    .collect(Collectors.joining(" | "));
            List<String> row = List.of(q.at(), q.channel(), q.question(), nz(q.standalone()), q.outcome(), Boolean.toString(q.grounded()),
                    Long.toString(q.latencyMs()), nz(q.model()), cited, Long.toString(r.up()), Long.toString(r.down()), comments);
            out.append(row.stream().map(QuestionsCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
