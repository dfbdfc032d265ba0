package dev.byline.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Answer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Answers posted to Slack, kept so that a 👍/👎 clicked later can be stored with its question, answer and
 * citations (a button can carry only a short value: the id). One small file per answer under
 * {@code <data-dir>/slack/answers/}, removed after the retention period.
 */
final class PostedAnswers {

    private static final Logger LOG = Logger.getLogger(PostedAnswers.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int PRUNE_EVERY = 500;

    /** What was asked and answered, where. */
    record Posted(String id, String at, String question, Answer answer, String channel, String threadTs) {
    }

    private final Path dir;
    private final Duration retention;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private int savesSincePrune;

    PostedAnswers(Path dir, Duration retention, Clock clock) {
        this.dir = dir;
        this.retention = retention;
        this.clock = clock;
    }

    static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * @param id the answer's id (the question log's), put on the feedback buttons
     * @return the id to put on the feedback buttons
     */
    String save(String id, String question, Answer answer, String channel, String threadTs) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(id + ".json.tmp");
            json.writeValue(tmp.toFile(), new Posted(id, clock.instant().toString(), question, answer, channel, threadTs));
            Files.move(tmp, dir.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
            if (++savesSincePrune >= PRUNE_EVERY) {
                prune();
            }
        } catch (IOException e) {
            // The answer still goes out; feedback on it will be stored without the question.
            LOG.warnf("Could not keep Slack answer %s for feedback: %s", id, e.toString());
        }
        return id;
    }

    Optional<Posted> find(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        Path f = dir.resolve(id + ".json");
        try {
            return Files.exists(f) ? Optional.of(json.readValue(f.toFile(), Posted.class)) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Slack answer %s is unreadable: %s", id, e.toString());
            return Optional.empty();
        }
    }

    /** Removes answers older than the retention period. */
    synchronized void prune() {
        savesSincePrune = 0;
        if (!Files.isDirectory(dir)) {
            return;
        }
        FileTime oldest = FileTime.from(clock.instant().minus(retention));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(oldest) < 0;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.debugf("Could not remove %s: %s", f, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warnf("Could not prune %s: %s", dir, e.toString());
        }
    }
}
