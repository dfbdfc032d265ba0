package dev.byline.index.solr;

import dev.byline.index.IndexEntry;
import dev.byline.model.Article;
import dev.byline.model.Chunk;
import dev.byline.model.Passage;
import dev.byline.model.SearchFilters;
import dev.byline.testsupport.HashingEmbedder;
import dev.byline.testsupport.SolrCollection;
import dev.byline.testsupport.SolrTestCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moment inside an upsert on SolrCloud when the new write's chunks are searchable and the old
 * write's not yet deleted (another node's commit fell between the two): searches show one write.
 */
@Tag("solr")
class UpsertWindowSolrTest {

    @RegisterExtension
    static final SolrCollection SOLR = new SolrCollection("window");
    private static final HashingEmbedder EMBEDDER = SOLR.embedder();

    private static IndexEntry entry(String id, String... paragraphs) {
        String body = String.join("\n\n", paragraphs);
        List<Chunk> chunks = new ArrayList<>();
        for (String p : paragraphs) {
            int start = body.indexOf(p);
            chunks.add(new Chunk(Chunk.idOf(id, chunks.size()), id, chunks.size(), start, start + p.length(), p));
        }
        return new IndexEntry(new Article(id, "Volcano", body, null, null, null, null), "c-" + body.hashCode(),
                "b-" + body.hashCode(), null, chunks, EMBEDDER.embedPassages(List.of(paragraphs)));
    }

    @Test
    void should_show_only_the_newest_write_of_an_article_while_an_older_one_is_not_yet_deleted() throws Exception {
        IndexEntry old = entry("world/1", "Lava reached the village.", "Residents of the village fled at night.");
        IndexEntry rewritten = entry("world/1", "The village was spared by the lava.");
        var client = SolrTestCluster.cluster().getSolrClient();
        // The two writes' documents side by side, as between an upsert's add and its delete becoming visible.
        client.add(SOLR.name(), SolrDocuments.build(old, 1));
        client.add(SOLR.name(), SolrDocuments.build(rewritten, 2));
        client.commit(SOLR.name(), true, true, true);

        List<Passage> keyword = SOLR.index().keywordSearch("village lava residents fled", 10, SearchFilters.NONE);
        List<Passage> vector = SOLR.index().vectorSearch(EMBEDDER.embedQuery("residents of the village fled"), 10, SearchFilters.NONE);

        assertThat(keyword).extracting(Passage::text).containsExactly("The village was spared by the lava.");
        assertThat(vector).extracting(Passage::text).containsExactly("The village was spared by the lava.");
    }
}
