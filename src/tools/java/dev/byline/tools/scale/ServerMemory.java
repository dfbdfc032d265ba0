package dev.byline.tools.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory a running server holds: heap in use right after a full GC (forced with {@code jcmd
 * <pid> GC.run}, then read from the server's own Prometheus metrics) and the process's resident set
 * (VmRSS, from /proc). Without jcmd the heap is read as it is, and the reading says so.
 */
final class ServerMemory {

    private static final String HEAP_METRIC = "jvm_memory_used_bytes";
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+).*");
    private static final Pattern HEAP_LABEL = Pattern.compile("[{,]\\s*area\\s*=\\s*\"heap\"");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d{1,15})\\s+kB\\s*$");

    private ServerMemory() {
    }

    /**
     * @param heapUsedBytes sum of the heap pools' used bytes
     * @param rssBytes      resident set size, or -1 where /proc is not available
     * @param note          how the reading was taken, e.g. whether a GC ran first
     */
    record Reading(long heapUsedBytes, long rssBytes, boolean afterGc, String note) {
    }

    static Reading read(HttpClient http, URI server, long pid, Path javaHome) throws IOException, InterruptedException {
        Path jcmd = javaHome == null ? null : javaHome.resolve("jcmd");
        boolean gc = false;
        String note;
        if (jcmd != null && Files.isExecutable(jcmd)) {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc = p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
            if (!gc) {
                p.destroyForcibly();
            }
            note = gc ? "heap after jcmd GC.run" : "jcmd GC.run failed: heap read without a forced GC";
        } else {
            note = "no jcmd next to " + (javaHome == null ? "java" : javaHome.resolve("java")) + ": heap read without a forced GC";
        }
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/q/metrics")).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> metrics = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (metrics.statusCode() != 200) {
            throw new IOException("GET /q/metrics answered " + metrics.statusCode());
        }
        long rss = -1;
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (Files.isReadable(status)) {
            rss = vmRss(Files.readString(status));
        }
        return new Reading(heapUsed(metrics.body()), rss, gc, note);
    }

    /**
     * @param prometheusText the Prometheus text exposition of {@code /q/metrics}
     * @return the sum of every {@code jvm_memory_used_bytes} sample labelled {@code area="heap"}
     * @throws IllegalArgumentException when there is none
     */
    static long heapUsed(String prometheusText) {
        double sum = 0;
        int samples = 0;
        for (String line : prometheusText.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches() || !m.group(1).equals(HEAP_METRIC)
                    || m.group(2) == null || !HEAP_LABEL.matcher(m.group(2)).find()) {
                continue;
            }
            try {
                double value = Double.parseDouble(m.group(3));
                if (Double.isFinite(value)) {
                    sum += value;
                    samples++;
                }
            } catch (NumberFormatException e) {
                // A sample we cannot read is not a heap figure.
            }
        }
        if (samples == 0) {
            throw new IllegalArgumentException("no " + HEAP_METRIC + "{area=\"heap\"} samples in the metrics");
        }
        return Math.round(sum);
    }

    /** @return VmRSS in bytes from the text of /proc/&lt;pid&gt;/status, or -1 when absent */
    static long vmRss(String procStatus) {
        Matcher m = VM_RSS.matcher(procStatus);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }
}
