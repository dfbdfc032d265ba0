package dev.byline.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is open and searchable (for SolrCloud: every shard has a live leader); reports what it holds. */
@Readiness
@ApplicationScoped
public class IndexHealthCheck implements HealthCheck {

    private final ArticleIndex index;

    IndexHealthCheck(ArticleIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        if (!index.isOpen()) {
            return HealthCheckResponse.down("index");
        }
        ArticleIndex.IndexStats stats;
        try {
            stats = index.stats();
        } catch (IndexUnavailableException e) { // a SolrCloud collection lost between the two calls
            return HealthCheckResponse.down("index");
        }
        return HealthCheckResponse.named("index").up()
                .withData("articles", stats.articles())
                .withData("chunks", stats.chunks())
                .build();
    }
}
