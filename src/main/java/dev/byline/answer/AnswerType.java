package dev.byline.answer;

import dev.byline.retrieve.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of answer a question asks for, read from its wording ("how much did it cost" wants
 * money, "how many" an amount, "when" a date or time, "who" or "which" a name, "where" a place),
 * and whether a sentence holds one that the question does not already give. A sentence that lacks
 * it may be on topic but cannot be the answer.
 */
enum AnswerType {

    /** An amount of money: "how much did it cost", "what salary", "what price". */
    MONEY("\\bhow much\\b.*\\b(pay|paid|pays|cost|costs|charge|charged|charges|fined?|earn|earns|earned|spend|spent|owe|owes|owed"
            + "|worth|raise|raised|bid|sell|sold|buy|bought|invest|invested|lose|lost)\\b|\\bhow much money\\b"
            + "|\\bwhat (\\w+ )?(price|cost|fee|fine|salary|wage|bid|budget|sum|fortune)\\b"),
    /** A length of time or an age: the one kind of question a number of years or days answers. */
    DURATION("\\bhow (long|old)\\b"),
    AMOUNT("\\bhow (many|much|far|big|large|tall|high|heavy|fast|often)\\b"
            + "|\\bwhat (\\w+ )?(percentage|proportion|share|fraction|amount|figure|rate|number|total|score|value|speed|size|margin|distance)\\b"),
    DATE("^\\W*(and |so |but |then )?when\\b|\\bwhen (did|does|do|is|was|were|are|will|would|has|had)\\b"
            + "|\\b(what|which) (date|year|day|month|time)\\b|\\bin what year\\b|\\bsince when\\b"),
    PLACE("\\bwhere\\b|\\b(what|which) (city|country|town|village|venue|stadium|region|state|capital)\\b"),
    /** A reason: "why", "what caused", "for what reason"; a sentence that gives one says so ("because", "blamed ... for"). */
    REASON("\\bwhy\\b|\\bhow come\\b|\\bwhat (caused|led to|prompted|drove|is behind|was behind)\\b|\\bfor what reason\\b|\\bwhat (is|was|were|are) the reasons?\\b"),
    NAME("^\\W*(and |so |but |then )?(who|whom|whose|which)\\b"
            + "|\\b(by|to|for|with|from) whom\\b|\\bwhat (is|was) the name\\b"
            + "|\\bwhat (company|firm|team|club|band|film|group|party|organisation|organization)\\b"),
    ANY("(?!)");

    private static final Pattern CURRENCY = Pattern.compile("[£$€¥]\\s?\\d(?:[\\d,.]*\\d)?(?:\\s?(?:bn|m|k|billion|million|thousand)\\b)?"
            + "|\\d(?:[\\d,.]*\\d)?\\s?(?:bn|m|k|billion|million|thousand)?\\s?(?:pounds|dollars|euros|yen|pence|cents|francs|rupees|yuan)\\b"
            + "|\\d(?:[\\d,.]*\\d)?p\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d,.]*\\d)?|\\b(one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?"
            + "|billions?|trillions?|dozens?|half|double[sd]?|doubling|tripled|quarter|per ?cent)\\b", Pattern.CASE_INSENSITIVE);
    // A year inside a hyphenated name ("Selenga-2024", "Euro-2004") names a thing, not a time; "mid-2004" is a time.
    private static final Pattern TIME = Pattern.compile("(?:(?<![\\w-])|(?<=\\b(?:mid|early|late)-))(1[5-9]|20)\\d\\d(?![\\w-])|\\b\\d{1,2}([:.]\\d\\d)? ?(am|pm|GMT|BST)\\b"
            + "|\\b(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
            + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)\\b"
            + "|\\b(yesterday|today|tomorrow|tonight|ago|decades?|centur(y|ies))\\b"
            + "|\\b(next|last|this|previous|coming|same) (week|weekend|month|year|season|spring|summer|autumn|winter|morning|evening|night)\\b"
            + "|\\b(weeks?|months?|years?|days?) (ago|later|earlier|before|after)\\b");
    /** What follows a number that makes it a duration ("the next two years", "for 18 months"). */
    private static final Pattern TIME_UNIT = Pattern.compile("^[\\s-]*(years?|months?|weeks?|days?|hours?|minutes?|decades?)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * How a sentence gives a reason or a purpose. Only words that say so outright: "after", "amid",
     * "fears" and the like were tried and, measured on the dev questions, mark as many sentences that
     * do not answer a "why" as ones that do.
     */
    private static final Pattern CAUSE = Pattern.compile("\\b(because|due to|owing to|thanks to|blam(e|es|ed|ing)|in a bid to|in order to|so that"
            + "|so as to|intended to|designed to|aim(s|ed)? (to|of|is)|the aim|purpose|in commemoration|commemorat\\w*|to mark"
            + "|at the invitation|invitation of|in response to|as a result of|therefore|to avoid|to enable)\\b", Pattern.CASE_INSENSITIVE);
    /** A figure with its currency or unit, or a plain number: what a "how many" or "how much" span should hold whole. */
    private static final Pattern FIGURE = Pattern.compile(CURRENCY.pattern()
            + "|\\d(?:[\\d,.]*\\d)?(?:\\s?(?:%|per ?cent|bn|m|k|billion|million|thousand)\\b|%)?|" + NUMBER.pattern().substring(NUMBER.pattern().indexOf("\\b(")),
            Pattern.CASE_INSENSITIVE);
    /** A day with its month, or a month with its year: "4 June", "June 4", "March 2004". */
    private static final Pattern FULL_DATE = Pattern.compile("\\b\\d{1,2}(st|nd|rd|th)? (of )?(January|February|March|April|May|June|July|August|September|October|November|December)\\b"
            + "|\\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.? \\d{1,4}\\b");
    /** A date as a whole where it is written whole ("September 3", "4 June 2005"), else its parts. */
    private static final Pattern DATE_SPAN = Pattern.compile(
            "\\b\\d{1,2}(st|nd|rd|th)? (of )?(January|February|March|April|May|June|July|August|September|October|November|December)(,? \\d{4})?\\b"
            + "|\\b(January|February|March|April|May|June|July|August|September|October|November|December)( \\d{1,2}(st|nd|rd|th)?)?(,? \\d{4})?\\b"
            + "|" + TIME.pattern());
    /** A capitalised word, as names and places are written. */
    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}'’.-]*\\p{L}");

    private final Pattern question;

    AnswerType(String question) {
        this.question = Pattern.compile(question);
    }

    /** The first type whose wording the question uses ("how much ... when" is an amount), else {@link #ANY}. */
    static AnswerType of(String question) {
        String q = question == null ? "" : question.toLowerCase(Locale.ROOT);
        for (AnswerType type : values()) {
            if (type.question.matcher(q).find()) {
                return type;
            }
        }
        return ANY;
    }

    /**
     * @param questionWords the question's words in lower case: a number, date or name the question
     *                      already gives is not an answer to it
     */
    boolean foundIn(String sentence, Set<String> questionWords) {
        return this == ANY || !spans(sentence, questionWords).isEmpty();
    }

    /**
     * Where {@code sentence} holds an answer of this type that the question does not already give:
     * the figures, dates or names, as {@code [start, end)} offsets in text order; empty for {@link #ANY}.
     */
    List<int[]> spans(String sentence, Set<String> questionWords) {
        return switch (this) {
            case MONEY -> fresh(CURRENCY.matcher(sentence), questionWords, null);
            case AMOUNT -> fresh(FIGURE.matcher(sentence), questionWords, sentence);
            case DURATION -> fresh(NUMBER.matcher(sentence), questionWords, null);
            case DATE -> fresh(DATE_SPAN.matcher(sentence), questionWords, null);
            case NAME, PLACE -> names(sentence, questionWords);
            case REASON -> fresh(CAUSE.matcher(sentence), questionWords, null);
            case ANY -> List.of();
        };
    }

    /**
     * Whether a span of this type says exactly what was asked: a day with its month rather than a
     * month alone, a figure in digits rather than "dozens", a name of two words or more.
     */
    boolean specific(String span) {
        return switch (this) {
            case DATE -> FULL_DATE.matcher(span).find() || span.matches("\\d{4}");
            case MONEY, AMOUNT, DURATION -> span.chars().anyMatch(Character::isDigit);
            case NAME, PLACE -> span.strip().contains(" ");
            case REASON, ANY -> true;
        };
    }

    /**
     * Matches the question does not give ("in 2004" is not the answer to a question about 2004);
     * with {@code notDurations}, a number followed by a unit of time is left out: "two years" does
     * not answer "how many companies".
     */
    private static List<int[]> fresh(Matcher m, Set<String> questionWords, String notDurations) {
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            boolean duration = notDurations != null && TIME_UNIT.matcher(notDurations.substring(m.end())).find();
            if (!duration && !questionWords.contains(m.group().toLowerCase(Locale.ROOT))) {
                spans.add(new int[]{m.start(), m.end()});
            }
        }
        return spans;
    }

    /** Runs of capitalised words that are not the sentence's first word, a function word, a date, or in the question. */
    private static List<int[]> names(String sentence, Set<String> questionWords) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(sentence);
        while (m.find()) {
            // The first word is capitalised anyway, whatever it is.
            boolean first = sentence.substring(0, m.start()).chars().noneMatch(Character::isLetterOrDigit);
            // "UK's" is the question's "UK"
            String word = m.group().toLowerCase(Locale.ROOT).replaceFirst("['’]s$", "");
            // "Monday" and "September" are capitalised, but they are dates, not names.
            if (first || questionWords.contains(word) || Terms.isFunctionWord(word) || TIME.matcher(m.group()).matches()) {
                continue;
            }
            int[] last = spans.isEmpty() ? null : spans.getLast();
            if (last != null && sentence.substring(last[1], m.start()).isBlank()) {
                last[1] = m.end(); // "Ukhnaagiin Khürelsükh" is one name
            } else {
                spans.add(new int[]{m.start(), m.end()});
            }
        }
        return spans;
    }
}
