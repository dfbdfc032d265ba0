package dev.byline.ingest;

import dev.byline.model.IngestResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a folder ingest did.
 *
 * @param failures one entry per file that could not be ingested, with the reason
 */
public record IngestSummary(int created, int updated, int unchanged, int duplicates, int chunks,
                            List<Failure> failures, long elapsedNanos) {

    public int articles() {
        return created + updated + unchanged + duplicates;
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    /** One line for the end of a run. */
    public String describe() {
        return String.format("%d created, %d updated, %d unchanged, %d duplicates, %d failed; %d chunks indexed in %.1f s",
                created, updated, unchanged, duplicates, failures.size(), chunks, seconds());
    }

    public record Failure(Path file, String reason) {
    }

    static final class Builder {
        private int created;
        private int updated;
        private int unchanged;
        private int duplicates;
        private int chunks;
        private final List<Failure> failures = new ArrayList<>();

        void add(IngestResult result) {
            switch (result.status()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case DUPLICATE -> duplicates++;
            }
            if (result.status() == dev.byline.model.IngestStatus.CREATED || result.status() == dev.byline.model.IngestStatus.UPDATED) {
                chunks += result.chunks();
            }
        }

        void failed(Path file, String reason) {
            failures.add(new Failure(file, reason));
        }

        IngestSummary build(long elapsedNanos) {
            return new IngestSummary(created, updated, unchanged, duplicates, chunks, List.copyOf(failures), elapsedNanos);
        }
    }
}
