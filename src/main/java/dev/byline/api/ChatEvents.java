package dev.byline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.util.List;

/**
 * The events of {@code POST /api/v1/chat}, each with a JSON {@code data} line: {@code delta}
 * ({@code {"text": ...}}), {@code citations} ({@code {"citations": [...]}}), {@code done} (the whole
 * {@link AskResponse}) and {@code error} (a {@link Problem}).
 */
final class ChatEvents {

    static final String DELTA = "delta";
    static final String CITATIONS = "citations";
    static final String DONE = "done";
    static final String ERROR = "error";

    record Delta(String text) {
    }

    record Citations(List<AskResponse.CitationView> citations) {
    }

    private final Sse sse;
    private final ObjectMapper json;

    ChatEvents(Sse sse, ObjectMapper json) {
        this.sse = sse;
        this.json = json;
    }

    OutboundSseEvent delta(String text) {
        return event(DELTA, new Delta(text));
    }

    OutboundSseEvent citations(AskResponse response) {
        return event(CITATIONS, new Citations(response.citations()));
    }

    OutboundSseEvent done(AskResponse response) {
        return event(DONE, response);
    }

    OutboundSseEvent error(Problem problem) {
        return event(ERROR, problem);
    }

    /**
     * Serialized here rather than by the SSE writer, so the data is exactly one line of this mapper's JSON. No media
     * type is set on the event: Quarkus would then write it as a non-standard {@code content-type:} line.
     */
    private OutboundSseEvent event(String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(String.class, json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the " + name + " event", e);
        }
    }
}
