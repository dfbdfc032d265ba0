package dev.byline.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code byline.*} setting. Each key is also an environment variable ({@code byline.data-dir} = {@code BYLINE_DATA_DIR}). */
@ConfigMapping(prefix = "byline")
public interface BylineConfig {

    /** Everything Byline persists (the Lucene index, conversations, feedback) lives under this folder. */
    @WithDefault("./data")
    Path dataDir();

    Chunking chunking();

    Retrieval retrieval();

    Index index();

    Admin admin();

    Ingest ingest();

    Answer answer();

    interface Chunking {
        /** Target chunk size in embedding-model tokens; a chunk ends at the sentence boundary nearest this size. */
        @WithDefault("160")
        int targetTokens();

        /** How many tokens of whole sentences at the end of a chunk are repeated at the start of the next. */
        @WithDefault("40")
        int overlapTokens();
    }

    interface Retrieval {
        /** How many candidates each of BM25 and vector search contributes to rank fusion. */
        @WithDefault("50")
        int candidates();

        /**
         * Reciprocal rank fusion constant: larger flattens the advantage of top ranks. 20 measured
         * slightly better than the customary 60 on both BBC and SQuAD (docs/benchmarks.md).
         */
        @WithDefault("20")
        int rrfK();

        /**
         * At most this many chunks of one article in a result list, so one long article cannot crowd
         * out the rest. 4 rather than 3: measured on BBC and SQuAD, 3 dropped the answering chunk when
         * the right article filled the top ranks (docs/benchmarks.md).
         */
        @WithDefault("4")
        int maxChunksPerArticle();

        /** Upper bound on {@code k} in a search request. */
        @WithDefault("100")
        int maxK();

        Recency recency();

        /** Newest report first for questions asking for the current state ("how many have died so far?"). */
        interface Recency {
            /**
             * Whether a current-state question puts the newest of the reports that answer about equally well first,
             * in search results, story folding and the extractive answer's choice. Off: ranking by relevance alone.
             */
            @WithDefault("true")
            boolean enabled();

            /**
             * How far below the best remaining re-ranker score a newer report may be and still go first (reports
             * of the same story go newest first whatever their scores). Chosen on the dev split of the recency set
             * (docs/benchmarks.md, "Newest report first").
             */
            @WithDefault("0.5")
            double band();

            /**
             * For the extractive answerer: how far below the best sentence's score (its logit) a sentence of a newer
             * report, holding the kind of answer asked for as the best one does, may be and still be quoted instead.
             * Chosen on the dev split of the recency set.
             */
            @WithDefault("1.0")
            double sentenceBand();
        }
    }

    interface Index {
        /**
         * How chunk vectors are stored for search: {@code none} (32-bit floats, the default), or
         * {@code int7} / {@code int4}, Lucene's scalar quantization, searched on 7- or 4-bit
         * integers: 4 or 8 times less vector data to keep in memory. int7 kept Hits@5 within 0.2
         * points on BBC and SQuAD but moved one BBC answer's citation, so floats stay the default and
         * int7 is the choice for large archives (docs/sizing.md, docs/benchmarks.md). The floats stay
         * on disk for merging either way. Applies to segments written from now on; re-ingest into a
         * new data dir to convert an existing index. Embedded index only: Solr 9.10's vector field has
         * no scalar quantization, so a SolrCloud collection keeps float vectors (a warning says so).
         */
        @WithDefault("none")
        VectorQuantization vectorQuantization();

        /**
         * Where the index lives: {@code lucene}, embedded under the data dir (the default), or
         * {@code solr}, a SolrCloud collection shared by any number of Byline nodes ({@link #solr()}).
         */
        @WithDefault("lucene")
        IndexBackend backend();

        Solr solr();
    }

    /** The SolrCloud collection used when {@code byline.index.backend=solr}. */
    interface Solr {
        /** ZooKeeper hosts as SolrJ takes them, chroot allowed: {@code zk1:2181,zk2:2181/solr}. Required with {@code backend=solr}. */
        Optional<String> zkHosts();

        /** The collection; created with Byline's configset at start-up when missing. */
        @WithDefault("byline")
        String collection();

        /** Shards of a collection Byline creates. */
        @WithDefault("2")
        int shards();

        /** Copies of each shard in a collection Byline creates; a write is acknowledged once each shard's copies all have it. */
        @WithDefault("2")
        int replicationFactor();

        /**
         * Copies of a shard that must take a write before Byline acknowledges it (Solr's achieved
         * replication factor); default: the replication factor. A write that reached fewer answers
         * 503 (it may be applied on fewer copies; a retry is safe, writes are upserts).
         */
        Optional<Integer> minReplicas();

        /** Connecting to a Solr node or ZooKeeper gives up after this long. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** A request to Solr gives up after this long (the request answers 503). */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Basic auth user for Solr's security plugin; none: no authentication. */
        Optional<String> username();

        Optional<String> password();
    }

    interface Admin {
        /** Bearer keys accepted by the writing endpoints. None configured: loopback clients only. */
        Optional<List<String>> apiKeys();
    }

    interface Ingest {
        /** Ingest the two demo articles on the first start (when the index is empty). */
        @WithDefault("true")
        boolean demoArticles();

        /** Folders ingested at every start-up; unchanged files are skipped, so a restart is cheap. */
        Optional<List<Path>> folders();

        /** Largest accepted {@code POST /api/v1/articles} body; larger answers 413. */
        @WithDefault("20M")
        MemorySize maxRequestSize();

        /**
         * Largest article body, as UTF-8 text once HTML is reduced to text; larger answers 413 naming the article (folder
         * ingest skips the file). News articles are rarely over 100 KB, so 256 KB leaves room for the longest reads; a
         * body's chunking and embedding time grows with it (about 30 s a megabyte on two cores, some 8 s at the limit),
         * holding the index writer. Must match {@code ArticleValidator.DEFAULT_MAX_ARTICLE_BYTES}.
         */
        @WithDefault("256K")
        MemorySize maxArticleSize();

        /** Most articles in one {@code POST /api/v1/articles} batch. */
        @WithDefault("1000")
        int maxBatch();

        /** Articles embedded and written per index batch during folder ingest. */
        @WithDefault("64")
        int batchSize();
    }

    interface Answer {
        /**
         * Who writes answers: {@code extractive} (no language model; sentences picked from the
         * passages), {@code openai} (any OpenAI-compatible endpoint, see quarkus.langchain4j.openai.*)
         * or {@code stub} (scripted, for tests).
         */
        @WithDefault("extractive")
        String model();

        /** How many passages a question is answered from. */
        @WithDefault("6")
        int maxPassages();

        /**
         * Refuse without calling any answerer when no retrieved passage has at least this cosine
         * similarity to the question: a floor for questions about nothing in the archive. The 1st
         * percentile of the best passage similarity of the answerable questions in the dev splits
         * (reader-style BBC, SQuAD), in the set where it is lowest (docs/benchmarks.md); the
         * extractive answerer's own confidence threshold then decides the near misses.
         */
        @WithDefault("0.54")
        double minSimilarity();

        /**
         * The extractive answerer refuses below this confidence (0 to 1). The default was chosen on
         * the dev splits (answerable questions refused at 10% or less in each); higher values refuse
         * more near misses and more answerable questions alike (the trade is measured in
         * docs/benchmarks.md, "Answers on questions nobody tuned for").
         */
        @WithDefault("0.132")
        double minConfidence();

        /** A folder of prompt files overriding the ones shipped in the application (see prompts/). */
        Optional<Path> promptsDir();

        /** How long the language model may take before the extractive answer is used instead. */
        @WithDefault("30s")
        Duration modelTimeout();

        Conversations conversations();

        interface Conversations {
            /** Earlier turns kept per conversation; older ones are dropped. */
            @WithDefault("10")
            int maxTurns();

            /** A conversation not used for this long is forgotten. */
            @WithDefault("24h")
            Duration ttl();
        }
    }
}
