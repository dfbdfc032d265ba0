package dev.byline.tools.scale;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the archive in a work dir was built from and how far: written after every build, so a later
 * run extends the archive instead of starting over, and never extends one built from another base
 * or with other vector settings.
 *
 * @param copies copies 0 to {@code copies - 1} of every base article are in the archive
 */
record ArchiveState(String base, String quantization, int baseArticles, int copies) {

    static final String FILE = "scale-archive.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<ArchiveState> read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ArchiveState.class));
        } catch (IOException e) {
            throw new IOException(file + " is not a scale archive record: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    void write(Path dataDir) throws IOException {
        Path tmp = dataDir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** @return why this archive cannot be extended for the wanted run, or null when it can */
    String refusal(String wantedBase, String wantedQuantization, int wantedBaseArticles, int firstSize) {
        if (!base.equals(wantedBase) || !quantization.equals(wantedQuantization) || baseArticles != wantedBaseArticles) {
            return "it was built from " + base + " (" + baseArticles + " articles) with quantization " + quantization
                    + ", not from " + wantedBase + " (" + wantedBaseArticles + ") with " + wantedQuantization;
        }
        if (firstSize < copies) {
            return "it already holds " + copies + "x, more than the first size asked (" + firstSize + "x)";
        }
        return null;
    }
}
