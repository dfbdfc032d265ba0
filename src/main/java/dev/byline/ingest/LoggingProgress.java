package dev.byline.ingest;

import org.jboss.logging.Logger;

/** Progress as log lines at most every few seconds, for runs without a terminal (services, CI, pipes). */
public final class LoggingProgress implements IngestProgress {

    private static final Logger LOG = Logger.getLogger(LoggingProgress.class);
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String label;
    private int total;
    private int done;
    private long started;
    private long lastLog;

    public LoggingProgress(String label) {
        this.label = label;
    }

    @Override
    public void start(int totalFiles) {
        total = totalFiles;
        started = lastLog = System.nanoTime();
        LOG.infof("%s: %d files to read", label, total);
    }

    @Override
    public void advance(int files) {
        done += files;
        long now = System.nanoTime();
        if (now - lastLog >= EVERY_NANOS) {
            lastLog = now;
            double seconds = (now - started) / 1e9;
            LOG.infof("%s: %d/%d files (%.0f%%), %.1f files/s", label, done, total, 100.0 * done / Math.max(1, total), done / seconds);
        }
    }
}
