package dev.byline.model;

import java.util.List;

/**
 * What a reader gets back.
 *
 * @param answer      the text; every {@code [n]} in it has exactly one citation with that {@code n}
 * @param grounded    false when the articles do not support an answer (then no citations)
 * @param unsupported sentences of the draft that carried no supported citation and were left out of {@code answer}
 * @param notice      a note for the reader about how the answer was made (e.g. the model fell back), or null
 * @param highlights  spans of {@code answer} that hold the asked-for fact, in text order, not overlapping
 * @param confidence  how sure the answerer was, 0 to 1, compared with the refusal threshold; NaN when it gave none
 * @param questionFilter the publication dates read from the question, or null when it states none that could be read
 * @param conflicts   where the retrieved reports disagree about what was asked (the answer says so too)
 * @param dates       the relative dates of the answer resolved against their articles' dates, each shown in
 *                    {@code answer} as an insertion ("last March [2023]") at the offsets it gives
 */
public record Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                     List<String> unsupported, String notice, List<Highlight> highlights, double confidence,
                     QuestionFilter questionFilter, List<Conflict> conflicts, List<ResolvedDate> dates) {

    public Answer {
        dates = dates == null ? List.of() : List.copyOf(dates);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        citations = citations == null ? List.of() : List.copyOf(citations);
        unsupported = unsupported == null ? List.of() : List.copyOf(unsupported);
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }

    public Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                  List<String> unsupported, String notice) {
        this(answer, grounded, citations, conversationId, unsupported, notice, List.of(), Double.NaN);
    }

    public Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                  List<String> unsupported, String notice, List<Highlight> highlights, double confidence) {
        this(answer, grounded, citations, conversationId, unsupported, notice, highlights, confidence, List.of());
    }

    /** An answer whose question stated no dates that were read. */
    public Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                  List<String> unsupported, String notice, List<Highlight> highlights, double confidence,
                  List<Conflict> conflicts) {
        this(answer, grounded, citations, conversationId, unsupported, notice, highlights, confidence, null, conflicts);
    }

    /** An answer without resolved dates. */
    public Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                  List<String> unsupported, String notice, List<Highlight> highlights, double confidence,
                  QuestionFilter questionFilter, List<Conflict> conflicts) {
        this(answer, grounded, citations, conversationId, unsupported, notice, highlights, confidence, questionFilter, conflicts,
                List.of());
    }

    public Answer withConversationId(String id) {
        return new Answer(answer, grounded, citations, id, unsupported, notice, highlights, confidence, questionFilter, conflicts,
                dates);
    }

    /** This answer with the dates read from the question, and a note for the reader when they were not applied. */
    public Answer withQuestionFilter(QuestionFilter filter, String note) {
        String joined = note == null ? notice : notice == null ? note : note + " " + notice;
        return new Answer(answer, grounded, citations, conversationId, unsupported, joined, highlights, confidence, filter,
                conflicts, dates);
    }
}
