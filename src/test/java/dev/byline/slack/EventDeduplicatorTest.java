package dev.byline.slack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDeduplicatorTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-09-01T10:00:00Z"));

    private EventDeduplicator open() {
        return new EventDeduplicator(dir.resolve("slack/events.log"), Duration.ofHours(1), clock);
    }

    @Test
    void should_take_an_event_once_within_its_time_to_live() {
        EventDeduplicator events = open();

        assertThat(events.firstTime("Ev01")).isTrue();
        assertThat(events.firstTime("Ev01")).isFalse();
        assertThat(events.firstTime("Ev02")).isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(events.firstTime("Ev01")).isTrue();
    }

    @Test
    void should_recognise_a_retry_that_arrives_after_a_restart() {
        open().firstTime("Ev01");
        clock.advance(Duration.ofMinutes(5));

        EventDeduplicator restarted = open();

        assertThat(restarted.firstTime("Ev01")).isFalse();
        assertThat(restarted.firstTime("Ev02")).isTrue();
    }

    @Test
    void should_drop_expired_ids_and_damaged_lines_when_loading() throws Exception {
        open().firstTime("Ev01");
        Files.writeString(dir.resolve("slack/events.log"), "garbage\n12 ../../etc\n", java.nio.file.StandardOpenOption.APPEND);
        clock.advance(Duration.ofHours(2));

        open();

        assertThat(Files.readString(dir.resolve("slack/events.log"))).isEmpty();
    }

    @Test
    void should_take_a_forgotten_event_again() {
        EventDeduplicator events = open();
        events.firstTime("Ev01");

        events.forget("Ev01");

        assertThat(events.firstTime("Ev01")).isTrue();
    }

    @Test
    void should_refuse_ids_that_are_not_slack_event_ids() {
        assertThatThrownBy(() -> open().firstTime("Ev 01\nEv02")).isInstanceOf(IllegalArgumentException.class);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
