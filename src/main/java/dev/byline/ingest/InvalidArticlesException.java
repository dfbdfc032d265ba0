package dev.byline.ingest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request or file held at least one invalid article; nothing from it was stored. A Bean Validation
 * {@link ConstraintViolationException}, so the API answers it as every other invalid request; its message
 * lists every violation as {@code articles[2].title: must not be blank}.
 */
public final class InvalidArticlesException extends ConstraintViolationException {

    private static final List<String> FIELD_ORDER = List.of("(article)", "id", "title", "body", "url", "source", "author", "publishedAt");

    private final transient List<Violation> violations;

    public InvalidArticlesException(Set<? extends ConstraintViolation<?>> violations) {
        super(null, violations);
        this.violations = violations.stream().map(InvalidArticlesException::violation)
                .sorted(Comparator.comparingInt(Violation::index).thenComparingInt(v -> FIELD_ORDER.indexOf(v.field())))
                .toList();
    }

    /** In article order, each article's fields in the contract's order. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String getMessage() {
        return violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
    }

    /** The property path of a violation on {@link ArticleValidator.Batch}: {@code articles[i]} then, for a field, its name. */
    private static Violation violation(ConstraintViolation<?> v) {
        int index = -1;
        String field = "(article)";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getIndex() != null) {
                index = node.getIndex();
            }
            if (node.getKind() == ElementKind.PROPERTY && !"articles".equals(node.getName())) {
                field = node.getName();
            }
        }
        return new Violation(index, field, v.getMessage());
    }
}
