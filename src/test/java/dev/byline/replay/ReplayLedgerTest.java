package dev.byline.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayLedgerTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private ReplayLedger ledger(Instant at) {
        return new ReplayLedger(dir.resolve("replays.log"), WINDOW, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final ReplayLedger.StoredResponse FIRST = new ReplayLedger.StoredResponse(202, "application/json",
            body("{\"deliveryId\":\"d-1\"}"));

    @Test
    void should_give_a_replay_the_first_answer_and_a_replay_in_progress_a_conflict() {
        ReplayLedger ledger = ledger(NOW);
        long t = NOW.getEpochSecond();

        ReplayLedger.Seen first = ledger.claim(t, body("{\"question\":\"q\"}"));
        ReplayLedger.Seen during = ledger.claim(t, body("{\"question\":\"q\"}"));
        ledger.answered((ReplayLedger.Seen.First) first, FIRST);
        ReplayLedger.Seen after = ledger.claim(t, body("{\"question\":\"q\"}"));

        assertThat(first).isInstanceOf(ReplayLedger.Seen.First.class);
        assertThat(during).isInstanceOf(ReplayLedger.Seen.InProgress.class);
        assertThat(after).isInstanceOfSatisfying(ReplayLedger.Seen.Answered.class, a -> {
            assertThat(a.response().status()).isEqualTo(202);
            assertThat(new String(a.response().body(), StandardCharsets.UTF_8)).isEqualTo("{\"deliveryId\":\"d-1\"}");
        });
    }

    @Test
    void should_tell_requests_apart_by_timestamp_and_body() {
        ReplayLedger ledger = ledger(NOW);
        long t = NOW.getEpochSecond();
        ledger.answered((ReplayLedger.Seen.First) ledger.claim(t, body("a")), FIRST);

        assertThat(ledger.claim(t + 1, body("a"))).isInstanceOf(ReplayLedger.Seen.First.class);
        assertThat(ledger.claim(t, body("b"))).isInstanceOf(ReplayLedger.Seen.First.class);
    }

    @Test
    void should_remember_answers_across_a_restart() {
        long t = NOW.getEpochSecond();
        ReplayLedger before = ledger(NOW);
        before.answered((ReplayLedger.Seen.First) before.claim(t, body("a")), FIRST);
        before.claim(t, body("in flight when the process died"));

        ReplayLedger after = ledger(NOW.plusSeconds(30));

        assertThat(after.claim(t, body("a"))).isInstanceOfSatisfying(ReplayLedger.Seen.Answered.class,
                a -> assertThat(a.response().contentType()).isEqualTo("application/json"));
        assertThat(after.claim(t, body("in flight when the process died"))).isInstanceOf(ReplayLedger.Seen.InProgress.class);
    }

    @Test
    void should_let_a_released_request_be_sent_again() {
        ReplayLedger ledger = ledger(NOW);
        long t = NOW.getEpochSecond();
        ledger.release((ReplayLedger.Seen.First) ledger.claim(t, body("failed")));

        assertThat(ledger.claim(t, body("failed"))).isInstanceOf(ReplayLedger.Seen.First.class);
        assertThat(ledger(NOW).claim(t, body("failed"))).as("after a restart").isInstanceOf(ReplayLedger.Seen.InProgress.class);
    }

    @Test
    void should_forget_requests_whose_signature_has_expired_when_it_restarts() {
        long t = NOW.getEpochSecond();
        ReplayLedger before = ledger(NOW);
        before.answered((ReplayLedger.Seen.First) before.claim(t, body("old")), FIRST);

        ReplayLedger later = ledger(NOW.plus(WINDOW).plusSeconds(1));

        assertThat(later.size()).isZero();
    }
}
