package dev.byline.retrieve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: merges ranked lists whose scores are not comparable (BM25 and vector similarity)
 * into one ranking, using only the positions of items in each list.
 * <p>
 * An item's score is {@code Σ 1 / (k + rank)} over the lists that contain it, with {@code rank} counted from 1.
 * An item in several lists therefore beats one ranked alike in a single list; a larger {@code k} flattens the
 * advantage of the top ranks. Items are identified by {@code equals()}; when an item occurs twice in one list,
 * only its best rank there counts (a list votes once per item).
 * <p>
 * Ordering contract: best score first; equal scores are ordered by the item's best rank in any single list,
 * then by first appearance (reading the lists in order, each from the top). The result is thus deterministic.
 * Pure and stateless.
 */
public final class RankFusion {

    /** An item with its fused score; higher is better, comparable only within one result. */
    public record Scored<T>(T item, double score) {
    }

    private RankFusion() {
    }

    /**
     * @param rankedLists lists of items, each most relevant first; a null list counts as empty
     * @param k           rank constant, at least 1 (60 is the customary value)
     * @return every item of the lists once, best first, as described in the class documentation
     * @throws IllegalArgumentException if {@code k < 1} or a list holds a null item
     */
    public static <T> List<Scored<T>> fuse(List<? extends List<? extends T>> rankedLists, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (rankedLists == null || rankedLists.isEmpty()) {
            return List.of();
        }
        int listCount = rankedLists.size();
        Map<T, int[]> ranksByItem = new LinkedHashMap<>(); // insertion order = first appearance
        for (int list = 0; list < listCount; list++) {
            List<? extends T> ranked = rankedLists.get(list);
            if (ranked == null) {
                continue;
            }
            for (int position = 0; position < ranked.size(); position++) {
                T item = ranked.get(position);
                if (item == null) {
                    throw new IllegalArgumentException("rankedLists[" + list + "][" + position + "] is null");
                }
                int[] ranks = ranksByItem.computeIfAbsent(item, ignored -> new int[listCount]);
                if (ranks[list] == 0) {
                    ranks[list] = position + 1;
                }
            }
        }

        record Entry<I>(I item, double score, int bestRank, int appearance) {
        }
        List<Entry<T>> entries = new ArrayList<>(ranksByItem.size());
        for (Map.Entry<T, int[]> byItem : ranksByItem.entrySet()) {
            int[] ranks = byItem.getValue().clone();
            // Summing in rank order makes equal rank sets give bit-identical scores, whichever lists they came from.
            Arrays.sort(ranks);
            double score = 0;
            int bestRank = Integer.MAX_VALUE;
            for (int rank : ranks) {
                if (rank > 0) {
                    score += 1.0 / (k + rank);
                    bestRank = Math.min(bestRank, rank);
                }
            }
            entries.add(new Entry<>(byItem.getKey(), score, bestRank, entries.size()));
        }
        entries.sort(Comparator.comparingDouble((Entry<T> e) -> -e.score())
                .thenComparingInt(Entry::bestRank)
                .thenComparingInt(Entry::appearance));

        List<Scored<T>> fused = new ArrayList<>(entries.size());
        for (Entry<T> entry : entries) {
            fused.add(new Scored<>(entry.item(), entry.score()));
        }
        return List.copyOf(fused);
    }
}
