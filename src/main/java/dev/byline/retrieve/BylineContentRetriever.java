package dev.byline.retrieve;

import dev.byline.model.Passage;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

import java.util.List;
import java.util.Map;

/**
 * Byline's retrieval as a LangChain4j {@link ContentRetriever}, so it plugs into any AI service's
 * retrieval augmentor (docs/langchain4j.md). Each content is one passage, most relevant first, with
 * its fused score; its segment's metadata carries the article id, chunk id, title and offsets for
 * citing it, and the url, source and publication date when the article has them.
 */
public final class BylineContentRetriever implements ContentRetriever {

    private final Retriever retriever;
    private final int maxResults;

    public BylineContentRetriever(Retriever retriever, int maxResults) {
        this.retriever = retriever;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return retriever.retrieve(SearchRequest.of(query.text(), maxResults)).stream()
                .map(BylineContentRetriever::toContent)
                .toList();
    }

    private static Content toContent(Passage p) {
        Metadata metadata = new Metadata()
                .put("articleId", p.articleId())
                .put("chunkId", p.chunkId())
                .put("title", p.title())
                .put("start", p.start())
                .put("end", p.end());
        putIfPresent(metadata, "url", p.url());
        putIfPresent(metadata, "source", p.source());
        putIfPresent(metadata, "publishedAt", p.publishedAt());
        return Content.from(TextSegment.from(p.text(), metadata), Map.of(ContentMetadata.SCORE, p.score()));
    }

    private static void putIfPresent(Metadata metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
