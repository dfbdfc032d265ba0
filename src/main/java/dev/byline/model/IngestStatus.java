package dev.byline.model;

/** What an upsert did to one article. */
public enum IngestStatus {
    CREATED, UPDATED, UNCHANGED, DUPLICATE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
