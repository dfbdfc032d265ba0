package dev.byline.api;

import java.util.List;

/** Carries a ready problem response out of a resource. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** 400 naming the offending field. */
    public static ProblemException badField(String field, String message) {
        return field(400, "Bad Request", field, message);
    }

    /** 413 naming what was too large. */
    public static ProblemException tooLarge(String field, String message) {
        return field(413, "Content Too Large", field, message);
    }

    private static ProblemException field(int status, String title, String field, String message) {
        return new ProblemException(Problem.of(status, title, field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
