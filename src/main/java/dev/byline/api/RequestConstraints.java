package dev.byline.api;

import dev.byline.answer.FileConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.model.PublishedDates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The Bean Validation constraints of the question and search bodies that Jakarta's own do not cover. */
public final class RequestConstraints {

    private RequestConstraints() {
    }

    /** A question as every channel takes it: not blank, at most {@value AskRequest#MAX_QUESTION_CHARS} characters. */
    @Documented
    @NotBlank(message = "is required and must not be blank")
    @MaxChars(AskRequest.MAX_QUESTION_CHARS)
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Question {
        String message() default "is not an acceptable question";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** At most {@code value} characters, counted as readers count them (code points, not UTF-16 units). */
    @Documented
    @Constraint(validatedBy = MaxChars.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface MaxChars {
        int value();

        String message() default "is longer than {value} characters";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<MaxChars, String> {
            private int max;

            @Override
            public void initialize(MaxChars annotation) {
                max = annotation.value();
            }

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || value.length() <= max || value.codePointCount(0, value.length()) <= max;
            }
        }
    }

    /** A conversation id a client may choose: what the conversation store accepts as a file name. */
    @Documented
    @Constraint(validatedBy = ConversationId.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface ConversationId {
        String message() default "must be 1-100 characters of A-Z a-z 0-9 . _ : -";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<ConversationId, String> {
            @Override
            public boolean isValid(String id, ConstraintValidatorContext context) {
                return id == null || FileConversationStore.isValidId(id);
            }
        }
    }

    /** {@code publishedFrom} is not after {@code publishedTo}; reported on {@code publishedFrom}. */
    @Documented
    @Constraint(validatedBy = PublishedRange.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface PublishedRange {
        String message() default "is after filters.publishedTo";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<PublishedRange, SearchResource.Filters> {
            @Override
            public boolean isValid(SearchResource.Filters filters, ConstraintValidatorContext context) {
                Instant from;
                Instant to;
                try {
                    from = PublishedDates.parse(filters.publishedFrom());
                    to = PublishedDates.parseEnd(filters.publishedTo());
                } catch (DateTimeParseException e) {
                    return true; // not dates at all: @IsoDate says so
                }
                if (from == null || to == null || !from.isAfter(to)) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("publishedFrom").addConstraintViolation();
                return false;
            }
        }
    }

    /**
     * The {@code filters} of ask, chat and webhooks, as {@link RequestFilters} reads them: each fault is reported on
     * its own field ({@code filters.publishedTo}), an unknown filter included.
     */
    @Documented
    @Constraint(validatedBy = AskFilters.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface AskFilters {
        String message() default "is not a valid filters object";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<AskFilters, JsonNode> {
            @Override
            public boolean isValid(JsonNode filters, ConstraintValidatorContext context) {
                List<Problem.FieldError> errors = new ArrayList<>();
                RequestFilters.read(filters, errors);
                if (errors.isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                for (Problem.FieldError error : errors) {
                    var violation = context.buildConstraintViolationWithTemplate(template(error.message()));
                    if (error.field().startsWith("filters.")) {
                        violation.addPropertyNode(error.field().substring("filters.".length())).addConstraintViolation();
                    } else {
                        violation.addConstraintViolation();
                    }
                }
                return false;
            }
        }
    }

    /** {@code source}: one outlet or a list of them, none blank. */
    @Documented
    @Constraint(validatedBy = Outlets.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Outlets {
        String message() default "must be an outlet name or a list of them, none blank";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Outlets, JsonNode> {
            @Override
            public boolean isValid(JsonNode source, ConstraintValidatorContext context) {
                List<Problem.FieldError> errors = new ArrayList<>();
                RequestFilters.sources("source", source, errors);
                return errors.isEmpty();
            }
        }
    }

    /** A fixed message as a message template: braces and dollar signs are escaped, so nothing is interpolated. */
    static String template(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
