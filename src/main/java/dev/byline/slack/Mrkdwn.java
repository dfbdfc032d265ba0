package dev.byline.slack;

import dev.byline.model.Citation;
import dev.byline.model.Highlight;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text to and from Slack's mrkdwn. Outgoing text (model output, article titles) is untrusted: {@code &},
 * {@code <} and {@code >} are escaped, so it can never form a mention ({@code <@U..>}, {@code <!channel>})
 * or a disguised link ({@code <https://evil|bbc.co.uk>}); the only links are the sources' own URLs, built
 * here. Incoming message text is reduced to the plain question a reader typed.
 */
final class Mrkdwn {

    /** Slack's limit for the text of one section block. */
    static final int MAX_SECTION_CHARS = 3_000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern SPECIAL = Pattern.compile("<([^<>]*)>");
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Mrkdwn() {
    }

    /** Escapes text so that Slack shows it as written and interprets none of it. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String clean = CONTROL.matcher(text).replaceAll("");
        return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Escapes an answer as {@link #escape} does, with its key spans (the date, figure or name asked
     * for) in bold: {@code *...*}. Spans out of range or overlapping are ignored.
     */
    static String answer(String text, List<Highlight> highlights) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Highlight h : highlights) {
            if (h.start() < at || h.end() > text.length()) {
                continue;
            }
            String key = text.substring(h.start(), h.end()).strip();
            out.append(escape(text.substring(at, h.start())));
            if (!key.isEmpty()) {
                out.append('*').append(escape(key)).append('*');
            }
            at = h.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    /** Cuts escaped text to {@code max} characters at a word boundary, never inside an entity such as {@code &amp;}. */
    static String truncate(String escaped, int max) {
        if (escaped.length() <= max) {
            return escaped;
        }
        int cut = escaped.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        int amp = escaped.lastIndexOf('&', cut);
        if (amp >= 0 && escaped.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        return escaped.substring(0, cut).stripTrailing() + "…";
    }

    /** One source line: {@code 1. <url|Title> — Source, 3 Sep 2024}; the title is plain when the URL is not a safe http(s) URL. */
    static String sourceLine(Citation c) {
        String title = truncate(escape(c.title() == null || c.title().isBlank() ? c.articleId() : c.title()), 300).replace("|", "¦");
        String link = safeUrl(c.url());
        StringBuilder line = new StringBuilder().append(c.n()).append(". ");
        line.append(link == null ? title : "<" + link + "|" + title + ">");
        String source = c.source() == null || c.source().isBlank() ? null : truncate(escape(c.source()), 100);
        String date = day(c.publishedAt());
        if (source != null || date != null) {
            line.append(" — ").append(source == null ? date : date == null ? source : source + ", " + date);
        }
        return line.toString();
    }

    /** @return the URL escaped for a {@code <url|label>} link, or null unless it is an absolute http(s) URL */
    static String safeUrl(String url) {
        if (url == null || url.length() > 2_000) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            // URI accepted it, so there is no space or control character; '|' and '>' would end the link early.
            return uri.toASCIIString().replace("&", "&amp;").replace("|", "%7C").replace(">", "%3E").replace("<", "%3C");
        } catch (Exception e) {
            return null;
        }
    }

    /** The calendar date as the article gave it, e.g. {@code 3 Sep 2024}; null when there is none. */
    static String day(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10)).format(DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The question in a message: Byline's own mention removed, other mentions, channels and links replaced by
     * their labels, entities decoded, white space collapsed.
     *
     * @param botUserId Byline's user id when known; a mention at the very start is removed in any case
     */
    static String question(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String s = LEADING_MENTION.matcher(text).replaceFirst("");
        Matcher m = SPECIAL.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(label(m.group(1), botUserId)));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }

    private static String label(String inner, String botUserId) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            if (target.substring(1).equals(botUserId)) {
                return "";
            }
            return label != null ? "@" + label : "@someone";
        }
        if (target.startsWith("#")) {
            return label != null ? "#" + label : "#channel";
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + target.substring(1).split("\\^")[0];
        }
        return label != null ? label : target;
    }
}
