package dev.byline.ingest;

/** Told how a folder ingest advances, file by file: a progress bar on a terminal, log lines otherwise. */
public interface IngestProgress {

    IngestProgress NONE = new IngestProgress() {
    };

    default void start(int totalFiles) {
    }

    default void advance(int files) {
    }

    default void finish() {
    }
}
