package dev.byline.api;

import java.util.List;
import java.util.stream.Collectors;

/** Carries a ready problem response out of a resource. */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** 400 naming the offending field. */
    public static ProblemException badField(String field, String message) {
        return badFields(List.of(new Problem.FieldError(field, message)));
    }

    /** 400 naming every offending field, in order. */
    public static ProblemException badFields(List<Problem.FieldError> errors) {
        return new ProblemException(invalid(400, "Bad Request", errors));
    }

    /** 413 naming what was too large. */
    public static ProblemException tooLarge(String field, String message) {
        return new ProblemException(invalid(413, "Content Too Large", List.of(new Problem.FieldError(field, message))));
    }

    /** A problem whose {@code detail} lists {@code field: message} for each error, and {@code errors} each one. */
    static Problem invalid(int status, String title, List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return Problem.of(status, title, detail, errors);
    }

    public Problem problem() {
        return problem;
    }
}
