package dev.byline.cli;

import dev.byline.ingest.IngestProgress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar with rate and ETA, for ingest runs at a terminal. */
final class TerminalProgress implements IngestProgress {

    private final String label;
    private ProgressBar bar;

    TerminalProgress(String label) {
        this.label = label;
    }

    @Override
    public void start(int totalFiles) {
        bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(totalFiles).setUnit(" files", 1)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().build();
    }

    @Override
    public void advance(int files) {
        bar.stepBy(files);
    }

    @Override
    public void finish() {
        bar.close();
    }
}
