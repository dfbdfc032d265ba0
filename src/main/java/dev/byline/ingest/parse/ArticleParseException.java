package dev.byline.ingest.parse;

import java.nio.file.Path;

/** A file that cannot be turned into articles. The message names the file and, where known, the line or field. */
public class ArticleParseException extends Exception {

    public ArticleParseException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ArticleParseException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public ArticleParseException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
    }

    public ArticleParseException(Path file, int line, String problem, Throwable cause) {
        super(file + " line " + line + ": " + problem, cause);
    }
}
