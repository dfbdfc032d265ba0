package dev.byline.widget;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/**
 * {@code byline.widget.*}: how the embeddable chat widget ({@code /widget/byline.js}) may be used from other sites.
 * The widget on Byline's own pages (the demo page at {@code /}) needs none of this.
 */
@ConfigMapping(prefix = "byline.widget")
public interface WidgetConfig {

    /**
     * The sites whose pages may call the chat API ({@code /api/v1/chat}, {@code /api/v1/ask}) from a browser (CORS),
     * as origins: {@code https://news.example,https://www.news.example:8443}, scheme and host (and port if not the
     * default) with no path. {@code *} allows every site. None (the default): only Byline's own pages.
     */
    Optional<List<String>> allowedOrigins();
}
