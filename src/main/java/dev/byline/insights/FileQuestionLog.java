package dev.byline.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The question log under {@code <data-dir>/insights/}: one JSON Lines file per UTC day ({@code 2026-12-01.jsonl}),
 * a question or a rating per line. Days make retention cheap and real: a day past the retention period is one file
 * deleted, not a rewrite. Appends hold a file lock (other processes) and this object's lock (threads); a line that
 * cannot be written is logged and dropped, so answering goes on when the disk is full, and readers skip a line
 * that a failure cut short.
 */
public final class FileQuestionLog implements QuestionLog {

    private static final Logger LOG = Logger.getLogger(FileQuestionLog.class);
    private static final Duration QUIET_AFTER_ERROR = Duration.ofMinutes(1);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(LoggedQuestion q, LoggedFeedback f) {
    }

    private final Path dir;
    private final Duration retention;
    private final Clock clock;
    private final LineAppender appender;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private LocalDate prunedOn;
    private Instant lastErrorLogged = Instant.MIN;
    private long failedWrites;

    public FileQuestionLog(Path dir, Duration retention, Clock clock, LineAppender appender) {
        this.dir = dir;
        this.retention = retention;
        this.clock = clock;
        this.appender = appender;
    }

    @Override
    public void record(LoggedQuestion question) {
        write(new Line(question, null));
    }

    @Override
    public void feedback(LoggedFeedback feedback) {
        write(new Line(null, feedback));
    }

    /** Lines that could not be written since start (disk full, permissions). */
    public synchronized long failedWrites() {
        return failedWrites;
    }

    private synchronized void write(Line line) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            if (!today.equals(prunedOn)) {
                prune();
            }
            Files.createDirectories(dir);
            appender.append(dir.resolve(today + ".jsonl"), (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            failedWrites++;
            Instant now = clock.instant();
            // Once a minute at most: a full disk must not also fill the log with the same error for every question.
            if (now.isAfter(lastErrorLogged.plus(QUIET_AFTER_ERROR))) {
                lastErrorLogged = now;
                LOG.errorf("Could not write to the question log in %s (%d lines lost so far); answers are not affected: %s",
                        dir, failedWrites, e.toString());
            }
        }
    }

    @Override
    public List<Rated> between(Instant from, Instant to) {
        Instant cutoff = clock.instant().minus(retention);
        Instant start = from.isBefore(cutoff) ? cutoff : from;
        Map<String, LoggedQuestion> questions = new LinkedHashMap<>();
        Map<String, Map<String, LoggedFeedback>> ratings = new LinkedHashMap<>();
        // Ratings come after their question, up to today, so every day from the start on is read.
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC); !day.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
             day = day.plusDays(1)) {
            for (Line line : read(dir.resolve(day + ".jsonl"))) {
                if (line.q() != null && line.q().answerId() != null && inside(line.q().at(), start, to)) {
                    questions.putIfAbsent(line.q().answerId(), line.q());
                } else if (line.f() != null && line.f().answerId() != null) {
                    ratings.computeIfAbsent(line.f().answerId(), k -> new LinkedHashMap<>())
                            .put(String.valueOf(line.f().client()), line.f());
                }
            }
        }
        List<Rated> rated = new ArrayList<>(questions.size());
        for (LoggedQuestion q : questions.values()) {
            rated.add(new Rated(q, List.copyOf(ratings.getOrDefault(q.answerId(), Map.of()).values())));
        }
        rated.sort((a, b) -> a.question().at().compareTo(b.question().at()));
        return rated;
    }

    private static boolean inside(String at, Instant from, Instant to) {
        try {
            Instant t = Instant.parse(at);
            return !t.isBefore(from) && t.isBefore(to);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    private List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        // Replacing bad bytes: one damaged line must not hide the rest of the day.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String s = in.readLine(); s != null; s = in.readLine()) {
                if (s.isBlank()) {
                    continue;
                }
                try {
                    lines.add(json.readValue(s, Line.class));
                } catch (IOException e) {
                    LOG.debugf("Skipping an unreadable line in %s", file);
                }
            }
        } catch (NoSuchFileException e) {
            return lines;
        } catch (IOException e) {
            LOG.warnf("Could not read the question log %s: %s", file, e.toString());
        }
        return lines;
    }

    /** Deletes each day file whose last moment is past the retention period. */
    @Override
    public synchronized void prune() {
        prunedOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!Files.isDirectory(dir)) {
            return;
        }
        LocalDate oldestKept = LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                LocalDate day = dayOf(f);
                if (day != null && day.isBefore(oldestKept)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not remove expired questions from %s: %s", dir, e.toString());
        }
    }

    private static LocalDate dayOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".jsonl")) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(0, name.length() - ".jsonl".length()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
