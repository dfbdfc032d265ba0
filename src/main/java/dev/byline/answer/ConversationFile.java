package dev.byline.answer;

import dev.byline.model.Turn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of one conversation: a file of {@link FileConversationStore}, the body of a {@link SolrConversationStore}
 * document. Times are ISO-8601 strings, so the format does not depend on which Jackson modules are registered;
 * {@code format} allows a later change.
 */
record ConversationFile(int format, String id, String updatedAt, List<ConversationFile.StoredTurn> turns) {

    static final int FORMAT = 1;

    static ConversationFile of(String id, Instant updatedAt, List<Turn> turns) {
        return new ConversationFile(FORMAT, id, updatedAt.toString(), turns.stream().map(StoredTurn::of).toList());
    }

    /** @return when the conversation was last appended to, or null when the file does not say */
    Instant updated() {
        return instant(updatedAt);
    }

    /** @return the turns, or null when this is not a well-formed conversation with that id */
    List<Turn> toTurns(String expectedId) {
        if (format != FORMAT || !expectedId.equals(id) || turns == null) {
            return null;
        }
        List<Turn> out = new ArrayList<>(turns.size());
        for (StoredTurn t : turns) {
            if (t == null || t.question() == null || t.answer() == null) {
                return null;
            }
            out.add(new Turn(t.question(), t.standalone() == null ? t.question() : t.standalone(), t.answer(), instant(t.at())));
        }
        return out;
    }

    private static Instant instant(String iso) {
        try {
            return iso == null ? null : Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    record StoredTurn(String question, String standalone, String answer, String at) {

        static StoredTurn of(Turn t) {
            return new StoredTurn(t.question(), t.standalone(), t.answer(), t.at() == null ? null : t.at().toString());
        }
    }
}
