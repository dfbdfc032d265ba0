package dev.byline.cli;

import dev.byline.index.BgeEmbedder;
import dev.byline.index.IndexCopy;
import dev.byline.index.IndexEntries;
import dev.byline.index.solr.SolrIndex;
import dev.byline.index.solr.SolrSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code copy-index}: moves an archive from the embedded index to SolrCloud. Copies the data dir's index
 * (articles, chunks and their vectors, stories, duplicates, dates, as stored) into a SolrCloud
 * collection, creating it with Byline's configset when missing, as a Byline node on
 * {@code byline.index.backend=solr} would. Nothing is embedded again, and the embedded index is only
 * read, so a server may keep serving it meanwhile. Runs without starting Quarkus: it needs neither the
 * model nor the server's beans. Options default to the server's own settings (same environment variables).
 */
final class CopyIndexCommand {

    static final String NAME = "copy-index";

    @Command(name = NAME, sortOptions = false,
            description = "Copy the embedded index into a SolrCloud collection, vectors included: nothing is embedded again. "
                    + "Running it again replaces what it copied (no article twice).")
    static final class Options implements CommandLines.Checked {
        @Option(names = "--data-dir", paramLabel = "<folder>", defaultValue = "${sys:byline.data-dir:-${env:BYLINE_DATA_DIR:-./data}}",
                description = "The data dir whose index/ is copied (default: byline.data-dir, BYLINE_DATA_DIR, else ${DEFAULT-VALUE}).")
        Path dataDir;
        @Option(names = "--zk-hosts", paramLabel = "<hosts>",
                defaultValue = "${sys:byline.index.solr.zk-hosts:-${env:BYLINE_INDEX_SOLR_ZK_HOSTS}}",
                description = "ZooKeeper hosts, chroot allowed: zk1:2181,zk2:2181/solr (default: byline.index.solr.zk-hosts, BYLINE_INDEX_SOLR_ZK_HOSTS).")
        String zkHosts;
        @Option(names = "--collection", defaultValue = "${sys:byline.index.solr.collection:-${env:BYLINE_INDEX_SOLR_COLLECTION:-byline}}",
                description = "The collection (default: byline.index.solr.collection, BYLINE_INDEX_SOLR_COLLECTION, else ${DEFAULT-VALUE}).")
        String collection;
        @Option(names = "--shards", defaultValue = "${sys:byline.index.solr.shards:-${env:BYLINE_INDEX_SOLR_SHARDS:-2}}",
                description = "Shards when the collection is created (default ${DEFAULT-VALUE}).")
        int shards;
        @Option(names = "--replication-factor", defaultValue = "${sys:byline.index.solr.replication-factor:-${env:BYLINE_INDEX_SOLR_REPLICATION_FACTOR:-2}}",
                description = "Replicas of each shard when the collection is created, and that each write needs (default ${DEFAULT-VALUE}).")
        int replicationFactor;
        @Option(names = "--timeout", defaultValue = "10s", paramLabel = "<duration>",
                description = "Give up connecting to ZooKeeper or a Solr node after this long (default ${DEFAULT-VALUE}).")
        String timeout;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        Duration connectTimeout;

        @Override
        public void check(CommandLine commandLine) {
            if (zkHosts == null || zkHosts.isBlank()) {
                throw new CommandLine.ParameterException(commandLine, "Missing --zk-hosts (or BYLINE_INDEX_SOLR_ZK_HOSTS): the SolrCloud cluster to copy into");
            }
            if (shards < 1 || replicationFactor < 1) {
                throw new CommandLine.ParameterException(commandLine, "--shards and --replication-factor must be at least 1");
            }
            try {
                connectTimeout = Duration.parse("PT" + timeout.toUpperCase());
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(commandLine, "--timeout: '" + timeout + "' is not a duration like 10s or 2m");
            }
        }
    }

    private final String modelId;
    private final int dimension;

    /** Byline's embedding model: the collection must be searchable by the servers that will use it. */
    CopyIndexCommand() {
        this(BgeEmbedder.MODEL_ID, BgeEmbedder.DIMENSION);
    }

    CopyIndexCommand(String modelId, int dimension) {
        this.modelId = modelId;
        this.dimension = dimension;
    }

    /** @return the exit code: 0 copied, 1 failed (one line on {@code err} says why), 2 wrong command line */
    int run(PrintStream out, PrintStream err, String... args) {
        Options o = new Options();
        var parsed = CommandLines.parse(o, out, err, args);
        if (parsed.isPresent()) {
            return parsed.getAsInt();
        }
        Path index = o.dataDir.resolve("index");
        try {
            IndexEntries.check(index, modelId, dimension); // before the collection is created for nothing
            SolrSettings settings = new SolrSettings(Optional.of(o.zkHosts), o.collection, o.shards, o.replicationFactor,
                    Optional.empty(), o.connectTimeout, Duration.ofSeconds(60), env("BYLINE_INDEX_SOLR_USERNAME"),
                    env("BYLINE_INDEX_SOLR_PASSWORD"));
            try (SolrIndex solr = SolrIndex.open(settings, modelId, dimension)) {
                IndexCopy.Copied copied = IndexCopy.copy(index, solr, modelId, dimension,
                        n -> err.print(n % 1000 == 0 ? "copied " + n + " articles\n" : ""));
                var stats = solr.stats();
                out.printf("Copied %d articles (%d chunks) from %s into SolrCloud collection %s, which holds %d articles, %d chunks%n",
                        copied.articles(), copied.chunks(), index, o.collection, stats.articles(), stats.chunks());
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("copy-index: no Byline index at " + index + " (" + e.getReason() + "): give the data dir with --data-dir");
        } catch (IOException | IllegalStateException e) { // IndexMismatchException too
            err.println("copy-index: " + e.getMessage());
        }
        return 1;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
    }
}
