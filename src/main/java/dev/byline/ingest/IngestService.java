package dev.byline.ingest;

import dev.byline.index.Embedder;
import dev.byline.index.IndexEntry;
import dev.byline.index.LuceneIndex;
import dev.byline.index.StoredEntry;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.IngestResult;
import dev.byline.model.IngestStatus;
import dev.byline.model.StoredArticle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes articles in: validates the whole batch, skips what is unchanged, records syndicated copies
 * as duplicates, chunks and embeds the rest and writes the batch to the index in one commit.
 * All or nothing: an invalid article refuses the batch; a failed write stores none of it.
 */
public final class IngestService {

    private final LuceneIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final ArticleValidator validator = new ArticleValidator();
    /** Upserts are serialised so two requests cannot both decide they are the first copy of a story. */
    private final ReentrantLock lock = new ReentrantLock();

    public IngestService(LuceneIndex index, Embedder embedder, Chunker chunker) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    /**
     * @return one result per article, in order; the articles are durable when this returns
     * @throws InvalidArticlesException when any article breaks the contract (nothing stored)
     */
    public List<IngestResult> upsert(List<Article> articles) {
        List<Article> valid = validator.normalize(articles);
        lock.lock();
        try {
            return store(valid);
        } finally {
            lock.unlock();
        }
    }

    /** Validates without storing: the folder ingester uses it to fail one file, not the batch. */
    public Article validate(Article article) {
        return validator.normalize(List.of(article)).get(0);
    }

    private List<IngestResult> store(List<Article> articles) {
        List<IngestResult> results = new ArrayList<>(articles.size());
        List<Planned> toEmbed = new ArrayList<>();
        List<IndexEntry> entries = new ArrayList<>();
        Map<String, String> bodiesInBatch = new HashMap<>();
        for (Article a : articles) {
            String contentHash = ContentHashes.content(a);
            String bodyHash = ContentHashes.normalizedBody(a.body());
            Optional<StoredEntry> existing = index.find(a.id());
            if (existing.isPresent() && existing.get().contentHash().equals(contentHash)) {
                StoredEntry e = existing.get();
                IngestStatus status = e.duplicateOf() == null ? IngestStatus.UNCHANGED : IngestStatus.DUPLICATE;
                results.add(new IngestResult(a.id(), e.chunks(), status, e.duplicateOf()));
                continue;
            }
            String original = bodiesInBatch.get(bodyHash);
            if (original == null) {
                original = index.findOriginalByBodyHash(bodyHash).map(e -> e.article().id())
                        .filter(id -> !id.equals(a.id())).orElse(null);
            }
            if (original != null) {
                entries.add(new IndexEntry(a, contentHash, bodyHash, original, List.of(), List.of()));
                results.add(new IngestResult(a.id(), 0, IngestStatus.DUPLICATE, original));
                continue;
            }
            bodiesInBatch.put(bodyHash, a.id());
            List<Chunk> chunks = chunker.chunk(a.id(), a.body());
            toEmbed.add(new Planned(a, contentHash, bodyHash, chunks, entries.size()));
            entries.add(null);
            results.add(new IngestResult(a.id(), chunks.size(), existing.isPresent() ? IngestStatus.UPDATED : IngestStatus.CREATED, null));
        }
        embedInto(toEmbed, entries);
        index.write(entries);
        return results;
    }

    /** One embedding call for the whole batch lets the model use every core. */
    private void embedInto(List<Planned> planned, List<IndexEntry> entries) {
        List<String> texts = new ArrayList<>();
        for (Planned p : planned) {
            for (Chunk c : p.chunks()) {
                texts.add(EmbeddingText.of(p.article(), c));
            }
        }
        List<float[]> vectors = embedder.embedPassages(texts);
        int next = 0;
        for (Planned p : planned) {
            List<float[]> own = vectors.subList(next, next + p.chunks().size());
            next += p.chunks().size();
            entries.set(p.slot(), new IndexEntry(p.article(), p.contentHash(), p.bodyHash(), null, p.chunks(), own));
        }
    }

    public Optional<StoredArticle> get(String id) {
        return index.find(id).map(StoredEntry::toStored);
    }

    /** @return false when there was no such article */
    public boolean delete(String id) {
        lock.lock();
        try {
            return index.delete(id);
        } finally {
            lock.unlock();
        }
    }

    public ArticleListing list(String after, int limit) {
        LuceneIndex.ArticlePage page = index.list(after, limit);
        return new ArticleListing(page.articles().stream().map(StoredEntry::toStored).toList(), page.next(), page.total());
    }

    public boolean isEmpty() {
        return index.stats().articles() == 0;
    }

    private record Planned(Article article, String contentHash, String bodyHash, List<Chunk> chunks, int slot) {
    }

    /** @param next cursor for the next page, null on the last */
    public record ArticleListing(List<StoredArticle> articles, String next, int total) {
    }
}
