package dev.byline.eval;

/** A question file that cannot be read; {@link #line()} is the 1-based line at fault, or 0 for the file as a whole. */
public class QuestionFileException extends IllegalArgumentException {

    private final int line;

    public QuestionFileException(int line, String message, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + message : message, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
