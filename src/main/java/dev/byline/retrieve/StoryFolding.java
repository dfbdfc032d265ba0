package dev.byline.retrieve;

import dev.byline.index.ArticleIndex;
import dev.byline.index.StoredEntry;
import dev.byline.model.Passage;
import dev.byline.model.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One story once: of the passages of a ranked list, keeps those of each story's best-ranked report
 * and sets aside the passages of its other reports (near or exact copies elsewhere), and lists every
 * other article of the story, from the index, as {@code alsoReportedBy} on the kept passages.
 */
public final class StoryFolding {

    /** A story carried by more outlets than this lists the first ones, in index order. */
    static final int MAX_REPORTS = 20;

    private final ArticleIndex index;

    /** @param index where the stories' other articles are listed from; null lists only those among the passages */
    public StoryFolding(ArticleIndex index) {
        this.index = index;
    }

    /**
     * @param kept  the best report's passages of each story, in the order given, at most {@code k}
     * @param other the passages of the stories' other reports, set aside (conflicts are looked for among them)
     */
    public record Folded(List<Passage> kept, List<Passage> other) {
    }

    public Folded fold(List<Passage> ranked, int k) {
        Map<String, String> bestOfStory = new LinkedHashMap<>();
        List<Passage> kept = new ArrayList<>();
        List<Passage> other = new ArrayList<>();
        for (Passage p : ranked) {
            String best = bestOfStory.computeIfAbsent(p.storyId(), s -> p.articleId());
            if (best.equals(p.articleId()) && kept.size() < k) {
                kept.add(p);
            } else if (!best.equals(p.articleId())) {
                other.add(p);
            }
        }
        Map<String, List<Report>> reports = reports(kept, other);
        List<Passage> withReports = kept.stream().map(p -> p.withReports(
                reports.getOrDefault(p.storyId(), List.of()).stream()
                        .filter(r -> !r.articleId().equals(p.articleId())).toList())).toList();
        return new Folded(withReports, other);
    }

    private Map<String, List<Report>> reports(List<Passage> kept, List<Passage> other) {
        Map<String, List<Report>> byStory = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> stories = new LinkedHashSet<>();
        kept.forEach(p -> stories.add(p.storyId()));
        if (index != null) {
            for (StoredEntry e : index.findStoryMembers(stories, MAX_REPORTS * stories.size())) {
                var a = e.article();
                if (seen.add(a.id())) {
                    add(byStory, e.storyId(), new Report(a.id(), a.title(), a.url(), a.source(), a.publishedAt()));
                }
            }
        }
        for (Passage p : other) { // articles the index could not list (it predates stories, or was not asked)
            if (stories.contains(p.storyId()) && seen.add(p.articleId())) {
                add(byStory, p.storyId(), new Report(p.articleId(), p.title(), p.url(), p.source(), p.publishedAt()));
            }
        }
        return byStory;
    }

    private static void add(Map<String, List<Report>> byStory, String story, Report report) {
        List<Report> list = byStory.computeIfAbsent(story, s -> new ArrayList<>());
        if (list.size() < MAX_REPORTS + 1) {
            list.add(report);
        }
    }
}
