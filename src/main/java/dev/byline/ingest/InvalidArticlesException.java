package dev.byline.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** A request held at least one invalid article; nothing from it was stored. */
public final class InvalidArticlesException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidArticlesException(List<Violation> violations) {
        super(violations.stream().map(Violation::describe).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
