package dev.byline.config;

/** Which engine holds the index ({@code byline.index.backend}). */
public enum IndexBackend {
    /** Embedded Lucene under the data dir: one node, nothing else to run. */
    LUCENE,
    /** A SolrCloud collection: shards and replicas on other machines, any number of Byline nodes. */
    SOLR
}
