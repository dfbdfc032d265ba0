package dev.byline.eval;

/** One entry of a ranked result list as the metrics see it: which article, and the chunk's text. */
public record RetrievedChunk(String articleId, String text) {

    public RetrievedChunk {
        articleId = articleId == null ? "" : articleId;
        text = text == null ? "" : text;
    }
}
