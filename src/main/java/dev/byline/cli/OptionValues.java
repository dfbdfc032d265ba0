package dev.byline.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the values of command-line options, shared by the {@code eval}, {@code bench} and {@code scale}
 * commands. Every failure is an {@link IllegalArgumentException} whose message names the option.
 */
public final class OptionValues {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private OptionValues() {
    }

    /** The value after option {@code args[i - 1]}. */
    public static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** One whole number between {@code min} and {@code max}. */
    public static long number(String option, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }

    /** Whole numbers separated by commas ({@code 1, 8,32}), each between {@code min} and {@code max}. */
    public static List<Integer> numbers(String option, String value, int min, int max) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            numbers.add((int) number(option, part, min, max));
        }
        return List.copyOf(numbers);
    }

    /** {@code 20s}, {@code 500ms}, {@code 2m} or plain seconds; above zero and at most {@code max}. */
    public static Duration duration(String option, String value, Duration max) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " must look like 20s, 500ms or 2m, not " + value);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero() || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " must be above zero and at most " + max.toMinutes() + " minutes, not " + value);
        }
        return d;
    }
}
