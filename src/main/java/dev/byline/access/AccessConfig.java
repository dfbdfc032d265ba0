package dev.byline.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code byline.access.*}: who may list articles and read whole bodies ({@code GET /api/v1/articles},
 * {@code GET /api/v1/articles/{id}}). An archive may be paywalled: by default only whoever may write may read whole
 * articles, while readers get passages and citations from ask, chat, search and the widget.
 */
@ConfigMapping(prefix = "byline.access")
public interface AccessConfig {

    enum Articles {
        /** The writing rule: an admin key, or with none configured, a client on this machine. */
        ADMIN,
        /** Anyone (an open archive). */
        PUBLIC
    }

    @WithDefault("admin")
    Articles articles();
}
