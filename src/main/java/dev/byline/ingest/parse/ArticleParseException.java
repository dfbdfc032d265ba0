package dev.byline.ingest.parse;

import java.nio.file.Path;

/** A file that cannot be turned into articles. The message names the file and, where known, the line or field. */
public class ArticleParseException extends Exception {

    private final String reason;

    public ArticleParseException(Path file, String problem) {
        this(file, problem, (Throwable) null);
    }

    public ArticleParseException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.reason = problem;
    }

    public ArticleParseException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public ArticleParseException(Path file, int line, String problem, Throwable cause) {
        super(file + " line " + line + ": " + problem, cause);
        this.reason = "line " + line + ": " + problem;
    }

    /** What is wrong, without the file name: for reports that name the file already. */
    public String reason() {
        return reason;
    }
}
