package dev.byline.ingest;

import dev.byline.config.BylineConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;

/**
 * What a server start ingests: the demo articles into an empty index (so a fresh install can
 * answer at once), then the configured folders in the background (so a large folder does not
 * hold up the HTTP server). Commands such as {@code ingest} and {@code eval} skip this.
 */
@ApplicationScoped
public class StartupIngest {

    /** Set by the command-line entry point when Byline runs a command rather than the server. */
    public static final String COMMAND_PROPERTY = "dev.byline.command";
    private static final Logger LOG = Logger.getLogger(StartupIngest.class);

    private final BylineConfig config;
    private final IngestService service;
    private final FolderIngester folders;

    StartupIngest(BylineConfig config, IngestService service, FolderIngester folders) {
        this.config = config;
        this.service = service;
        this.folders = folders;
    }

    void onStart(@Observes StartupEvent event) {
        if (System.getProperty(COMMAND_PROPERTY) != null) {
            return;
        }
        if (config.ingest().demoArticles() && service.isEmpty()) {
            var results = service.upsert(DemoArticles.load());
            LOG.infof("Ingested %d demo articles into the empty index at %s", results.size(), config.dataDir());
        }
        config.ingest().folders().filter(list -> !list.isEmpty()).ifPresent(this::ingestInBackground);
    }

    private void ingestInBackground(List<Path> roots) {
        Thread.ofVirtual().name("byline-startup-ingest").start(() -> {
            IngestSummary summary = folders.ingest(roots, new LoggingProgress("Start-up ingest"));
            LOG.infof("Start-up ingest of %s: %s", roots, summary.describe());
            summary.failures().forEach(f -> LOG.warnf("Not ingested: %s: %s", f.file(), f.reason()));
        });
    }
}
