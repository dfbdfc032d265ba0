package dev.byline.ingest.parse;

import dev.byline.ingest.HtmlText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Markdown block structure to read news articles as plain text. Not a CommonMark
 * implementation: nesting and rare constructs degrade to readable text, never to an error.
 */
final class MarkdownBlocks {

    enum Kind { HEADING, PARAGRAPH, LIST, TABLE, CODE, HTML }

    /** A block's lines with block markers (quote, heading, bullet) removed; code lines verbatim. */
    record Block(Kind kind, List<String> lines) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*))?$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*\\S.*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:([-*+])|(\\d{1,9})[.)])[ \\t]+(.*)$");

    private MarkdownBlocks() {
    }

    static List<Block> split(List<String> lines) {
        return new Splitter().split(lines);
    }

    /** Plain text of a block; may be empty (an image-only paragraph, an empty HTML wrapper). */
    static String render(Block block) {
        List<String> lines = block.lines();
        return switch (block.kind()) {
            case HEADING, PARAGRAPH -> MarkdownInline.toText(String.join(" ", lines));
            case HTML -> MarkdownInline.toText(String.join("\n", lines));
            case LIST, TABLE -> {
                List<String> rendered = new ArrayList<>();
                for (String line : lines) {
                    String text = MarkdownInline.toText(line).replace("\n\n", " ");
                    if (!text.isBlank() && !text.equals("-")) {
                        rendered.add(text);
                    }
                }
                yield String.join("\n", rendered);
            }
            // Code keeps its lines, but runs of blank lines still count as one paragraph break.
            case CODE -> String.join("\n", lines).replaceFirst("^\n+", "").replaceAll("\n{3,}", "\n\n").stripTrailing();
        };
    }

    private static String headingText(String content) {
        String text = content == null ? "" : content.strip();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        // A closing "###" sequence only counts when separated by a space: "C#" keeps its hash.
        if (end == 0) {
            return "";
        }
        return end < text.length() && Character.isWhitespace(text.charAt(end - 1)) ? text.substring(0, end).strip() : text;
    }

    private static boolean isThematicBreak(String line) {
        String s = line.strip();
        if (s.isEmpty() || "-*_".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        char marker = s.charAt(0);
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == marker) {
                count++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return count >= 3;
    }

    private static boolean isTableSeparator(String line) {
        boolean dash = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (" \t:|".indexOf(c) < 0) {
                return false;
            }
        }
        return dash;
    }

    /** Strips any depth of "> " quote markers. */
    private static String unquote(String line) {
        int at = 0;
        while (true) {
            int i = at;
            while (i < line.length() && i - at < 3 && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= line.length() || line.charAt(i) != '>') {
                return line.substring(at);
            }
            at = i + 1;
            if (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
        }
    }

    /** One pass over the lines; holds the block being built. */
    private static final class Splitter {
        private final List<Block> blocks = new ArrayList<>();
        private Kind kind;
        private List<String> current = new ArrayList<>();
        private String fence;
        private boolean fenceQuoted;

        List<Block> split(List<String> lines) {
            for (String line : lines) {
                accept(line);
            }
            close();
            return blocks;
        }

        private void accept(String raw) {
            String line = unquote(raw);
            boolean quoted = line.length() != raw.length();
            if (fence != null) {
                inFence(fenceQuoted ? line : raw);
                return;
            }
            Matcher fenceOpen = FENCE.matcher(line);
            if (fenceOpen.matches() && !(fenceOpen.group(1).charAt(0) == '`' && fenceOpen.group(2).contains("`"))) {
                start(Kind.CODE);
                fence = fenceOpen.group(1);
                fenceQuoted = quoted;
            } else if (line.isBlank()) {
                close();
            } else if (kind == Kind.HTML) {
                current.add(line);
            } else {
                structural(line);
            }
        }

        private void inFence(String code) {
            String s = code.strip();
            if (s.startsWith(fence) && s.chars().allMatch(c -> c == fence.charAt(0))) {
                close();
            } else {
                current.add(code.stripTrailing());
            }
        }

        private void structural(String line) {
            Matcher heading = ATX_HEADING.matcher(line);
            Matcher item = LIST_ITEM.matcher(line);
            if (heading.matches()) {
                start(Kind.HEADING);
                current.add(headingText(heading.group(1)));
                close();
            } else if (kind == Kind.PARAGRAPH && SETEXT_UNDERLINE.matcher(line).matches()) {
                kind = Kind.HEADING;
                close();
            } else if (isThematicBreak(line)) {
                close();
            } else if (kind != Kind.PARAGRAPH && LINK_DEFINITION.matcher(line).matches()) {
                return; // reference definitions are link targets, not text
            } else if (item.matches() && !continuesParagraph(item)) {
                if (kind != Kind.LIST) {
                    start(Kind.LIST);
                }
                String marker = item.group(1) != null ? "-" : item.group(2) + ".";
                current.add(marker + " " + item.group(3).strip());
            } else if (line.strip().startsWith("|")) {
                tableRow(line.strip());
            } else if (kind == null && line.stripLeading().startsWith("<") && HtmlText.looksLikeHtml(line)) {
                start(Kind.HTML);
                current.add(line);
            } else if (kind == Kind.LIST) {
                int last = current.size() - 1;
                current.set(last, current.get(last) + " " + line.strip()); // lazy continuation of the item
            } else {
                if (kind != Kind.PARAGRAPH) {
                    start(Kind.PARAGRAPH);
                }
                current.add(line.strip());
            }
        }

        /** As in CommonMark, only "1." may interrupt a paragraph: "2004. was a year" is prose. */
        private boolean continuesParagraph(Matcher item) {
            return kind == Kind.PARAGRAPH && item.group(2) != null && !item.group(2).equals("1");
        }

        private void tableRow(String row) {
            if (kind != Kind.TABLE) {
                start(Kind.TABLE);
            }
            if (isTableSeparator(row)) {
                return;
            }
            String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
            List<String> cells = new ArrayList<>();
            for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
                cells.add(cell.strip());
            }
            current.add(String.join(" | ", cells));
        }

        private void start(Kind newKind) {
            close();
            kind = newKind;
        }

        private void close() {
            if (kind != null && !current.isEmpty()) {
                blocks.add(new Block(kind, List.copyOf(current)));
            }
            kind = null;
            current = new ArrayList<>();
            fence = null;
        }
    }
}
