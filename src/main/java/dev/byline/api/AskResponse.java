package dev.byline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.byline.insights.RecordedAnswers;
import dev.byline.model.Answer;
import dev.byline.model.Citation;
import dev.byline.model.Conflict;
import dev.byline.model.Highlight;
import dev.byline.model.QuestionFilter;
import dev.byline.model.Report;
import dev.byline.model.ResolvedDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer to {@code POST /api/v1/ask} (and the {@code done} event of {@code /api/v1/chat}), as the public
 * contract shows it: every {@code [n]} in {@code answer} has exactly one citation with that {@code n}.
 *
 * @param answerId    identifies this answer for feedback ({@code POST /api/v1/feedback}); null only where no channel gave it
 * @param unsupported sentences of the draft left out of {@code answer} because no cited passage supports them (Byline's addition)
 * @param notice      how the answer was made, when the reader should know (Byline's addition); omitted when none
 * @param highlights  spans of {@code answer} holding the asked-for fact (the date, figure, name), for showing in bold (Byline's addition)
 * @param questionFilter publication dates read from the question ("in January 2005") and whether they were applied
 *                    (Byline's addition); omitted when the question states none that could be read
 * @param conflicts   where the reports disagree (a figure, a date, a name, a "first"), each claim naming its citation (Byline's addition)
 * @param dates       the relative dates of the answer ("last March") resolved against their article's date, each shown in
 *                    {@code answer} as an insertion in square brackets at {@code start..end} ("[2023]") (Byline's addition)
 */
public record AskResponse(String answer, boolean grounded, List<CitationView> citations,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String answerId, String conversationId,
                          List<String> unsupported, @JsonInclude(JsonInclude.Include.NON_NULL) String notice,
                          List<Highlight> highlights,
                          @JsonInclude(JsonInclude.Include.NON_NULL) QuestionFilter questionFilter, List<Conflict> conflicts,
                          @Schema(description = "Relative dates of the answer resolved against their article's publication date, "
                                  + "each shown in answer as an editorial insertion in square brackets (\"last March [2023]\"), "
                                  + "never a citation marker: a marker holds one to three digits, an insertion a four-digit year")
                          List<ResolvedDate> dates) {

    public static AskResponse of(RecordedAnswers.Given given) {
        return of(given.answer(), given.answerId());
    }

    public static AskResponse of(Answer a, String answerId) {
        return new AskResponse(a.answer(), a.grounded(), a.citations().stream().map(CitationView::of).toList(),
                answerId, a.conversationId(), a.unsupported(), a.notice(), a.highlights(), a.questionFilter(), a.conflicts(),
                a.dates());
    }

    /**
     * A numbered source; {@code snippet} is the cited passage, verbatim from the article's body; {@code storyId} and
     * {@code alsoReportedBy}: the story it tells and the story's other articles, folded into this citation.
     */
    public record CitationView(int n, String articleId, String chunkId, String title, String url, String source,
                               String publishedAt, String snippet, String storyId, List<Report> alsoReportedBy) {

        static CitationView of(Citation c) {
            return new CitationView(c.n(), c.articleId(), c.chunkId(), c.title(), c.url(), c.source(), c.publishedAt(),
                    c.snippet(), c.storyId(), c.alsoReportedBy());
        }
    }
}
