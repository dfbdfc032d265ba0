package dev.byline.tools.bench;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What picocli does not check by itself for the tools' options: durations, and numbers within a range. */
public final class Checks {

    private Checks() {
    }

    /** A duration on the command line: {@code 20s}, {@code 500ms}, {@code 2m} or plain seconds, above zero. */
    public static final class DurationValue implements CommandLine.ITypeConverter<Duration> {

        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("must look like 20s, 500ms or 2m, not '" + value + "'");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.isZero()) {
                throw new CommandLine.TypeConversionException("must be above zero, not '" + value + "'");
            }
            return d;
        }
    }

    /** @throws CommandLine.ParameterException naming {@code option} when {@code d} is longer than {@code max} */
    public static void atMost(CommandLine commandLine, String option, Duration d, Duration max) {
        if (d.compareTo(max) > 0) {
            throw new CommandLine.ParameterException(commandLine, option + " must be at most " + max.toMinutes() + " minutes, not " + d);
        }
    }

    /** @throws CommandLine.ParameterException naming {@code option} when a number is outside [min, max] */
    public static void within(CommandLine commandLine, String option, Iterable<? extends Number> values, long min, long max) {
        for (Number n : values) {
            if (n.longValue() < min || n.longValue() > max) {
                throw new CommandLine.ParameterException(commandLine, option + " must be between " + min + " and " + max + ", not " + n);
            }
        }
    }

    public static void within(CommandLine commandLine, String option, long value, long min, long max) {
        within(commandLine, option, java.util.List.of(value), min, max);
    }
}
