package dev.byline.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.byline.model.Answer;
import dev.byline.model.Citation;
import dev.byline.model.Conflict;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * Byline's Slack messages in Block Kit: the answer (with its {@code [n]} markers), a note when there is one,
 * the numbered sources (title linked to the article, outlet and date), and 👍/👎 buttons carrying the id
 * under which the answer was kept for feedback.
 */
final class SlackMessages {

    static final String FEEDBACK_BLOCK = "byline_feedback";
    static final String UP = "byline_feedback_up";
    static final String DOWN = "byline_feedback_down";

    private SlackMessages() {
    }

    static List<LayoutBlock> answer(Answer answer, String answerId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String text = Mrkdwn.truncate(Mrkdwn.answer(answer.answer(), answer.highlights()), Mrkdwn.MAX_SECTION_CHARS);
        blocks.add(section(s -> s.text(markdownText(text))));
        if (answer.notice() != null && !answer.notice().isBlank()) {
            String notice = Mrkdwn.truncate(Mrkdwn.escape(answer.notice()), 1_000);
            blocks.add(context(List.of(markdownText("_" + notice + "_"))));
        }
        for (Conflict c : answer.conflicts()) {
            String who = String.join(c.overTime() ? ", then " : " vs ", c.claims().stream().map(k -> "[" + k.citation() + "] "
                    + (k.source() == null || k.source().isBlank() ? "one report" : k.source())
                    + (k.publishedAt() == null ? "" : ", " + k.publishedAt())).toList());
            String line = Mrkdwn.truncate(Mrkdwn.escape((c.overTime() ? "Reports changed over time on " : "Reports disagree on ")
                    + c.about() + ": " + who), 1_000);
            blocks.add(context(List.of(markdownText(":warning: " + line))));
        }
        if (!answer.citations().isEmpty()) {
            sources(answer.citations()).forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        }
        blocks.add(actions(a -> a.blockId(FEEDBACK_BLOCK).elements(asElements(
                button(b -> b.actionId(UP).value(answerId).text(plainText("👍 Helpful", true))),
                button(b -> b.actionId(DOWN).value(answerId).text(plainText("👎 Not helpful", true)))))));
        return blocks;
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    static String fallback(Answer answer) {
        return Mrkdwn.truncate(Mrkdwn.escape(answer.answer()), Mrkdwn.MAX_SECTION_CHARS);
    }

    static List<LayoutBlock> plain(String text) {
        String escaped = Mrkdwn.truncate(Mrkdwn.escape(text), Mrkdwn.MAX_SECTION_CHARS);
        return List.of(section(s -> s.text(markdownText(escaped))));
    }

    /** "*Sources*" and one line per citation, split over several sections when they exceed a section's limit. */
    private static List<String> sources(List<Citation> citations) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder("*Sources*");
        for (Citation c : citations) {
            // A line is at most ~2,500 characters (URL up to 2,000, title 300), so it always fits a section.
            String line = Mrkdwn.sourceLine(c);
            if (current.length() + 1 + line.length() > Mrkdwn.MAX_SECTION_CHARS) {
                chunks.add(current.toString());
                current = new StringBuilder();
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            current.append(line);
        }
        chunks.add(current.toString());
        return chunks;
    }
}
