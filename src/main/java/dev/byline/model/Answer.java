package dev.byline.model;

import java.util.List;

/**
 * What a reader gets back.
 *
 * @param answer      the text; every {@code [n]} in it has exactly one citation with that {@code n}
 * @param grounded    false when the articles do not support an answer (then no citations)
 * @param unsupported sentences of the answer that carry no valid citation, for clients that flag them
 * @param notice      a note for the reader about how the answer was made (e.g. the model fell back), or null
 */
public record Answer(String answer, boolean grounded, List<Citation> citations, String conversationId,
                     List<String> unsupported, String notice) {

    public Answer {
        citations = citations == null ? List.of() : List.copyOf(citations);
        unsupported = unsupported == null ? List.of() : List.copyOf(unsupported);
    }

    public Answer withConversationId(String id) {
        return new Answer(answer, grounded, citations, id, unsupported, notice);
    }
}
