package dev.byline.ingest;

import dev.byline.model.PublishedDates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Bean Validation constraints of the article contract that Jakarta's own ({@code @NotBlank}, {@code @Size}) do
 * not cover. A null value is valid for each: whether a field is required is said by {@code @NotBlank} beside them.
 */
public final class ArticleConstraints {

    private ArticleConstraints() {
    }

    /**
     * An id that can be read and deleted back through {@code /api/v1/articles/{id}}: 1-200 characters of
     * {@code A-Z a-z 0-9 . _ / : -}, in segments separated by single slashes, none of them {@code .} or {@code ..}
     * (a URL path drops those, and an empty segment, so {@code a/../b}, {@code ./x}, {@code a//b} or {@code a/}
     * would name another article or none).
     */
    @Documented
    @Constraint(validatedBy = ArticleId.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ArticleId {
        String MESSAGE = "must be 1-200 characters of A-Z a-z 0-9 . _ / : -, in segments between single slashes, none of them . or ..";

        String message() default MESSAGE;

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<ArticleId, String> {
            private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]+(/[A-Za-z0-9._:-]+)*");
            private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

            @Override
            public boolean isValid(String id, ConstraintValidatorContext context) {
                return id == null || isValidId(id);
            }
        }
    }

    /** @return whether {@code id} is an article id that round-trips through the articles API */
    public static boolean isValidId(String id) {
        return id != null && id.length() <= 200 && ArticleId.Validator.SHAPE.matcher(id).matches()
                && !ArticleId.Validator.DOT_SEGMENT.matcher(id).find();
    }

    /** An absolute {@code http} or {@code https} URL with a host: what a reader's browser can open. */
    @Documented
    @Constraint(validatedBy = HttpUrl.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface HttpUrl {
        String message() default "must be an absolute http(s) URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<HttpUrl, String> {
            @Override
            public boolean isValid(String url, ConstraintValidatorContext context) {
                if (url == null) {
                    return true;
                }
                try {
                    URI uri = new URI(url);
                    return uri.isAbsolute() && uri.getHost() != null
                            && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
                } catch (URISyntaxException e) {
                    return false;
                }
            }
        }
    }

    /** An ISO-8601 date or date-time of the years 1 to 9999 ({@link PublishedDates}). */
    @Documented
    @Constraint(validatedBy = IsoDate.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface IsoDate {
        String message() default "must be an ISO-8601 date or date-time of the years 1 to 9999, e.g. 2024-08-29 or 2024-08-29T10:15:00Z";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<IsoDate, String> {
            @Override
            public boolean isValid(String iso, ConstraintValidatorContext context) {
                return iso == null || PublishedDates.isValid(iso);
            }
        }
    }

    /** No two articles of one request share an id (given or derived): the request would contradict itself. */
    @Documented
    @Constraint(validatedBy = DistinctIds.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface DistinctIds {
        String message() default "repeats an id given earlier in the same request";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<DistinctIds, ArticleValidator.Batch> {
            @Override
            public boolean isValid(ArticleValidator.Batch batch, ConstraintValidatorContext context) {
                List<ArticleValidator.Candidate> articles = batch.articles();
                Map<String, Integer> first = new HashMap<>();
                boolean valid = true;
                for (int i = 0; i < articles.size(); i++) {
                    String id = articles.get(i) == null ? null : articles.get(i).effectiveId();
                    Integer earlier = id == null ? null : first.putIfAbsent(id, i);
                    if (earlier != null) {
                        valid = false;
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate("repeats the id of articles[" + earlier + "] in the same request")
                                .addPropertyNode("articles").addPropertyNode("id").inIterable().atIndex(i)
                                .addConstraintViolation();
                    }
                }
                return valid;
            }
        }
    }
}
