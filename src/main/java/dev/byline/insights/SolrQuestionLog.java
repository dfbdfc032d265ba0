package dev.byline.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.index.solr.SolrState;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The question log in SolrCloud ({@link SolrState}, with {@code byline.index.backend=solr}), so that {@code /admin} on any
 * node shows every node's questions and ratings. A question is a document ({@code question:<answer id>}); a rating is one
 * document per answer and client, so a changed vote replaces the earlier one wherever it was cast. Each document
 * {@code expires} at its time plus the retention (Solr deletes it), {@link #between} never shows one past the retention,
 * and {@link #prune} (run at the first write of each day) deletes them at once, also those a shortened retention ended.
 *
 * <p>Writes go through a {@link StateWriter}: an answer never waits for SolrCloud, and while it is down the lost
 * entries are counted and logged, never thrown.
 */
public final class SolrQuestionLog implements QuestionLog, AutoCloseable {

    static final String QUESTION = "question";
    static final String RATING = "rating";
    static final String ANSWER = "answer_s";
    static final String CLIENT = "client_s";
    /** Ratings are read from a little before the first question: another node's clock may be behind. */
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(SolrQuestionLog.class);

    private final SolrState state;
    private final Duration retention;
    private final Clock clock;
    private final StateWriter writer;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile LocalDate prunedOn;

    public SolrQuestionLog(SolrState state, Duration retention, Clock clock) {
        this.state = state;
        this.retention = retention;
        this.clock = clock;
        this.writer = new StateWriter(state, "question log", clock);
    }

    @Override
    public void record(LoggedQuestion question) {
        if (question.answerId() != null) {
            write(SolrState.document(QUESTION, question.answerId()), question.answerId(), question.at(), question);
        }
    }

    @Override
    public void feedback(LoggedFeedback feedback) {
        if (feedback.answerId() == null) {
            return;
        }
        SolrInputDocument doc = SolrState.document(RATING, key(feedback.answerId(), String.valueOf(feedback.client())));
        doc.setField(CLIENT, String.valueOf(feedback.client()));
        write(doc, feedback.answerId(), feedback.at(), feedback);
    }

    private void write(SolrInputDocument doc, String answerId, String at, Object entry) {
        Instant when = parse(at);
        if (when == null) {
            when = clock.instant();
        }
        try {
            doc.setField(SolrState.BODY, json.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log entry is plain data", e);
        }
        doc.setField(ANSWER, answerId);
        doc.setField(SolrState.AT, SolrState.date(when));
        doc.setField(SolrState.EXPIRES, SolrState.date(when.plus(retention)));
        writer.submit(doc);
        // Once a day, from the writer's thread: what a retention shortened since would otherwise keep until it expires.
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!today.equals(prunedOn)) {
            prunedOn = today;
            writer.later(this::prune);
        }
    }

    /** Entries not written since start: SolrCloud unreachable, or more waiting than the writer holds. */
    public long failedWrites() {
        return writer.failed();
    }

    @Override
    public List<Rated> between(Instant from, Instant to) {
        Instant cutoff = clock.instant().minus(retention);
        Instant start = from.isBefore(cutoff) ? cutoff : from;
        if (!start.isBefore(to)) {
            return List.of();
        }
        Map<String, LoggedQuestion> questions = new LinkedHashMap<>();
        state.scan(QUESTION, Map.of(), new SolrState.Range(SolrState.AT, start, to), "at asc", PAGE, d -> {
            LoggedQuestion q = read(d, LoggedQuestion.class);
            if (q != null && q.answerId() != null) {
                questions.putIfAbsent(q.answerId(), q);
            }
        });
        Map<String, Map<String, LoggedFeedback>> ratings = new LinkedHashMap<>();
        state.scan(RATING, Map.of(), new SolrState.Range(SolrState.AT, start.minus(CLOCK_SKEW), null), "at asc", PAGE, d -> {
            LoggedFeedback f = read(d, LoggedFeedback.class);
            if (f != null && questions.containsKey(f.answerId())) {
                ratings.computeIfAbsent(f.answerId(), k -> new LinkedHashMap<>()).put(String.valueOf(f.client()), f);
            }
        });
        List<Rated> rated = new ArrayList<>(questions.size());
        for (LoggedQuestion q : questions.values()) {
            rated.add(new Rated(q, List.copyOf(ratings.getOrDefault(q.answerId(), Map.of()).values())));
        }
        return rated;
    }

    private <T> T read(SolrDocument d, Class<T> type) {
        try {
            return json.readValue(String.valueOf(d.getFirstValue(SolrState.BODY)), type);
        } catch (JsonProcessingException e) {
            LOG.debugf("Skipping an unreadable entry %s", d.getFirstValue(SolrState.ID));
            return null;
        }
    }

    /** Deletes what is past the retention now (Solr would within minutes anyway, from {@code expires}). */
    @Override
    public void prune() {
        Instant cutoff = clock.instant().minus(retention);
        try {
            state.deleteBefore(QUESTION, SolrState.AT, cutoff);
            state.deleteBefore(RATING, SolrState.AT, cutoff);
        } catch (RuntimeException e) {
            LOG.warnf("Could not remove expired questions from %s (Solr removes them once they expire): %s", state.collection(),
                    e.toString());
        }
    }

    /** Sends what is still waiting (for a few seconds at most) and stops writing. */
    @Override
    public void close() {
        writer.close();
    }

    /** A bounded, unambiguous key for a rating: whatever the answer id and client hold. */
    static String key(String answerId, String client) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((answerId + "\u0000" + client).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant parse(String at) {
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
