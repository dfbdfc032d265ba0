package dev.byline.ingest.parse;

import dev.byline.model.Article;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Turns one file of a given format into articles.
 * <p>
 * Parsers extract what the format offers and do not validate it: a null or blank title or body
 * may be returned, and the ingest service rejects it. Malformed input is reported as an
 * {@link ArticleParseException}, never as an unchecked exception.
 */
public interface ArticleParser {

    /** File extensions handled, lowercase, without the dot. */
    Set<String> extensions();

    /**
     * @param defaultId the id derived from the file's path; used (or suffixed, for files holding
     *                  several articles) when the file does not give one
     */
    List<Article> parse(Path file, String defaultId) throws ArticleParseException;
}
