package dev.byline.tools.scale;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/** Prints how far a build is at every tenth of the way, with the rate so far, so a long build shows it is alive. */
final class Progress implements LongConsumer {

    private final PrintWriter out;
    private final long total;
    private final long started = System.nanoTime();
    private int tenthsShown;

    Progress(PrintWriter out, long total) {
        this.out = out;
        this.total = total;
    }

    @Override
    public void accept(long done) {
        int tenths = total == 0 ? 10 : (int) (done * 10 / total);
        if (tenths > tenthsShown && done < total) {
            tenthsShown = tenths;
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "  %,d of %,d articles written (%.0f articles/s)%n", done, total, seconds == 0 ? 0 : done / seconds);
        }
    }
}
