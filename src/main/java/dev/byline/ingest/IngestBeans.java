package dev.byline.ingest;

import dev.byline.config.BylineConfig;
import dev.byline.index.Embedder;
import dev.byline.index.ArticleIndex;
import dev.byline.ingest.parse.ArticleParsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/** CDI wiring for ingestion. */
@ApplicationScoped
public class IngestBeans {

    @Produces
    @Singleton
    Chunker chunker(BylineConfig config) {
        return Chunker.forBge(config.chunking().targetTokens(), config.chunking().overlapTokens());
    }

    @Produces
    @Singleton
    IngestService ingestService(ArticleIndex index, Embedder embedder, Chunker chunker, Validator validator, BylineConfig config) {
        ArticleValidator articles = new ArticleValidator(validator, config.ingest().maxArticleSize().asLongValue());
        return new IngestService(index, embedder, chunker, articles);
    }

    @Produces
    @Singleton
    FolderIngester folderIngester(IngestService service, BylineConfig config) {
        return new FolderIngester(service, ArticleParsers.defaults(), config.ingest().batchSize());
    }
}
