package dev.byline.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.model.Citation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers' 👍/👎 on answers, one JSON object per line in {@code <data-dir>/feedback/feedback.jsonl},
 * appended and synced before the click is acknowledged. Each line holds the question, the answer and its
 * citations, so a bad answer can be reviewed and turned into an evaluation question without the Slack thread.
 */
public final class FeedbackStore {

    public static final String UP = "up";
    public static final String DOWN = "down";

    /**
     * One click.
     *
     * @param rating {@code up} or {@code down}
     * @param user   who clicked (the Slack user id), so a changed vote replaces the earlier one in {@link #counts()}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Feedback(String at, String channel, String answerId, String rating, String user, String question,
                           String answer, Boolean grounded, List<Citation> citations, String conversationId) {
    }

    /**
     * @param up      answers rated helpful (the latest vote of each user on each answer)
     * @param down    answers rated not helpful
     * @param skipped lines that could not be read (a crash mid-line, a hand edit)
     */
    public record Counts(int up, int down, int skipped) {

        public int total() {
            return up + down;
        }
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public FeedbackStore(Path dataDir) {
        this.file = dataDir.resolve("feedback").resolve("feedback.jsonl");
    }

    public Path file() {
        return file;
    }

    public synchronized void record(Feedback feedback) throws IOException {
        if (!UP.equals(feedback.rating()) && !DOWN.equals(feedback.rating())) {
            throw new IllegalArgumentException("rating must be up or down");
        }
        Files.createDirectories(file.getParent());
        byte[] line = (json.writeValueAsString(feedback) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Every readable click, oldest first. */
    public List<Feedback> all() throws IOException {
        return read().feedback();
    }

    /** Totals, counting each user's latest vote on each answer once. */
    public Counts counts() throws IOException {
        Read r = read();
        Map<String, String> latest = new LinkedHashMap<>();
        for (Feedback f : r.feedback()) {
            latest.put(f.answerId() + "\u0000" + f.user(), f.rating());
        }
        int up = (int) latest.values().stream().filter(UP::equals).count();
        return new Counts(up, latest.size() - up, r.skipped());
    }

    private record Read(List<Feedback> feedback, int skipped) {
    }

    private synchronized Read read() throws IOException {
        List<Feedback> all = new ArrayList<>();
        int skipped = 0;
        if (!Files.exists(file)) {
            return new Read(all, 0);
        }
        // A decoder that replaces bad bytes: one damaged line must not hide all the others.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Feedback f = json.readValue(line, Feedback.class);
                    if (f.answerId() == null || !(UP.equals(f.rating()) || DOWN.equals(f.rating()))) {
                        skipped++;
                    } else {
                        all.add(f);
                    }
                } catch (IOException e) {
                    skipped++;
                }
            }
        }
        return new Read(all, skipped);
    }
}
