package dev.byline.api;

import dev.byline.index.ArticleIndex;
import dev.byline.index.IndexEntry;
import dev.byline.index.IndexSnapshot;
import dev.byline.index.IndexUnavailableException;
import dev.byline.index.StoredEntry;
import dev.byline.story.StorySignature;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** An index whose every SolrCloud node is down: each request fails as {@code SolrIndex}'s do then. Enabled by {@link IndexOutageProfile}. */
@Alternative
@Singleton
public class OutageIndex implements ArticleIndex {

    private static IndexUnavailableException down() {
        return new IndexUnavailableException("SolrCloud search failed: No live SolrServers available", null);
    }

    @Override
    public void write(List<IndexEntry> entries) {
        throw down();
    }

    @Override
    public boolean delete(String id) {
        throw down();
    }

    @Override
    public Optional<StoredEntry> find(String id) {
        throw down();
    }

    @Override
    public Optional<StoredEntry> findOriginalByBodyHash(String bodyHash) {
        throw down();
    }

    @Override
    public List<StoredEntry> findAllByBodyHash(String bodyHash) {
        throw down();
    }

    @Override
    public List<StoredEntry> findStoryCandidates(StorySignature signature, int max) {
        throw down();
    }

    @Override
    public List<StoredEntry> findStoryMembers(Collection<String> storyIds, int max) {
        throw down();
    }

    @Override
    public ArticlePage list(String after, int limit) {
        throw down();
    }

    @Override
    public <T> T search(Function<IndexSnapshot, T> search) {
        throw down();
    }

    @Override
    public IndexStats stats() {
        throw down();
    }

    @Override
    public boolean isOpen() {
        return false;
    }

    @Override
    public void close() {
    }
}
