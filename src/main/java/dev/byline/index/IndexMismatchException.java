package dev.byline.index;

import java.nio.file.Path;

/** The index on disk was built by another schema version or embedding model: its contents cannot be searched as they are. */
public final class IndexMismatchException extends IllegalStateException {

    IndexMismatchException(Path path, String key, String found, String expected) {
        super("The index at " + path + " was built with " + key + "=" + found + ", but this Byline needs "
                + key + "=" + expected + ". Rebuild it: stop Byline, move " + path + " aside, start Byline "
                + "and ingest the articles again (java -jar target/quarkus-app/quarkus-run.jar ingest <folder>).");
    }

    /** A SolrCloud collection built by another schema version or embedding model. */
    public IndexMismatchException(String collection, String key, String found, String expected) {
        super("The SolrCloud collection " + collection + " was built with " + key + "=" + found + ", but this Byline needs "
                + key + "=" + expected + ". Point byline.index.solr.collection at a new collection (Byline creates it) "
                + "and ingest the articles again.");
    }
}
