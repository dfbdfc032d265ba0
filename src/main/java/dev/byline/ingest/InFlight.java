package dev.byline.ingest;

import dev.byline.story.StoryMark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What batches planned but not yet committed will write. The index cannot answer for them, so
 * the planner asks here first: a body already on its way in makes a later copy a duplicate, and
 * an id on its way in cannot be judged (created? unchanged?) until its batch is committed.
 * Guarded by {@link IngestService}'s lock.
 */
final class InFlight {

    private final Set<PlannedBatch> batches = new LinkedHashSet<>();
    private final Map<String, PlannedBatch> byId = new HashMap<>();
    private final Map<String, String> originalByBody = new HashMap<>();
    private final Map<String, PlannedBatch> batchOfBody = new HashMap<>();
    private long nextSeq;
    /** Batches up to this one were planned while a batch before them failed: they must be planned again. */
    private long staleUpTo = -1;

    boolean isEmpty() {
        return batches.isEmpty();
    }

    int size() {
        return batches.size();
    }

    boolean writes(String id) {
        return byId.containsKey(id);
    }

    /** @return the id of the original on its way in with this body, or null */
    String originalOf(String bodyHash) {
        return originalByBody.get(bodyHash);
    }

    /** @return the stories of the originals batches in flight store, by id (a new, modifiable map) */
    Map<String, StoryMark> stories() {
        Map<String, StoryMark> stories = new LinkedHashMap<>();
        batches.forEach(b -> stories.putAll(b.stories()));
        return stories;
    }

    void add(PlannedBatch batch) {
        batch.seq(nextSeq++);
        batches.add(batch);
        batch.writtenIds().forEach(id -> byId.put(id, batch));
        for (String[] original : batch.originals()) {
            if (originalByBody.putIfAbsent(original[0], original[1]) == null) {
                batchOfBody.put(original[0], batch);
            }
        }
    }

    /** Forgets the batch; when it was not committed, every batch planned after it may have relied on it. */
    void remove(PlannedBatch batch, boolean committed) {
        if (!batches.remove(batch)) {
            return;
        }
        byId.values().removeIf(b -> b == batch);
        batchOfBody.entrySet().removeIf(e -> {
            if (e.getValue() != batch) {
                return false;
            }
            originalByBody.remove(e.getKey());
            return true;
        });
        if (!committed) {
            staleUpTo = Math.max(staleUpTo, nextSeq - 1);
        }
    }

    boolean isStale(PlannedBatch batch) {
        return batch.seq() >= 0 && batch.seq() <= staleUpTo;
    }

    /** True while some stale batch is still on its way: planning more now could contradict its re-planning. */
    boolean hasStale() {
        return batches.stream().anyMatch(this::isStale);
    }
}
