package dev.byline.ingest.parse;

import dev.byline.ingest.HtmlText;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed CommonMark document as the plain text Byline stores: one {@link Part} per block,
 * paragraphs joined into lines of prose, lists one item per line, tables one row per line, code
 * verbatim, inline content by {@link InlineText}; HTML blocks and inline HTML are reduced by
 * {@link HtmlText}, so no markup and no script survives.
 */
final class MarkdownText {

    enum Kind { HEADING, PARAGRAPH, LIST, TABLE, CODE, HTML }

    /**
     * A block as plain text. A paragraph keeps its source lines (so the first line with text can
     * serve as a title); other kinds hold the lines of their rendered text.
     */
    record Part(Kind kind, List<String> lines) {

        String text() {
            return switch (kind) {
                case HEADING, PARAGRAPH -> collapse(String.join(" ", lines));
                default -> String.join("\n", lines);
            };
        }

        /** The part without its lines up to and including {@code index}; leading blank lines go too. */
        Part after(int index) {
            int from = index + 1;
            while (from < lines.size() && lines.get(from).isBlank()) {
                from++;
            }
            return new Part(kind, lines.subList(from, lines.size()));
        }
    }

    private MarkdownText() {
    }

    /** The document's blocks with text, in order; block quotes are read as the blocks they hold. */
    static List<Part> parts(Node document) {
        List<Part> parts = new ArrayList<>();
        addBlocks(document, parts);
        return parts;
    }

    private static void addBlocks(Node parent, List<Part> parts) {
        for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof BlockQuote quote) {
                addBlocks(quote, parts);
                continue;
            }
            Part part = part(block);
            if (part == null || part.text().isBlank()) {
                continue;
            }
            // "* one" then "+ two", or "1." then "2)", are separate lists to CommonMark but one list to a reader.
            if (part.kind() == Kind.LIST && block.getPrevious() instanceof ListBlock && !parts.isEmpty()
                    && parts.getLast().kind() == Kind.LIST) {
                List<String> merged = new ArrayList<>(parts.removeLast().lines());
                merged.addAll(part.lines());
                part = new Part(Kind.LIST, merged);
            }
            parts.add(part);
        }
    }

    /** Null for blocks without text: thematic breaks, link reference definitions, front matter. */
    private static Part part(Node block) {
        return switch (block) {
            case Heading heading -> new Part(Kind.HEADING, List.of(line(heading)));
            case Paragraph paragraph -> new Part(Kind.PARAGRAPH, InlineText.lines(paragraph));
            case ListBlock list -> new Part(Kind.LIST, listLines(list));
            case TableBlock table -> new Part(Kind.TABLE, tableRows(table));
            case FencedCodeBlock code -> code(code.getLiteral());
            case IndentedCodeBlock code -> code(code.getLiteral());
            case HtmlBlock html -> new Part(Kind.HTML, Arrays.asList(HtmlText.toText(html.getLiteral()).split("\n")));
            default -> null;
        };
    }

    /** Code keeps its lines, but a run of blank lines still counts as one paragraph break. */
    private static Part code(String literal) {
        List<String> lines = new ArrayList<>();
        for (String line : literal.split("\n")) {
            String kept = line.stripTrailing();
            boolean breakAlready = lines.isEmpty() || lines.getLast().isEmpty();
            if (!kept.isEmpty() || !breakAlready) {
                lines.add(kept);
            }
        }
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return new Part(Kind.CODE, lines);
    }

    private static List<String> listLines(ListBlock list) {
        List<String> lines = new ArrayList<>();
        int number = list instanceof OrderedList ordered ? ordered.getMarkerStartNumber() : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof BulletList ? "-" : number++ + ".";
            List<String> text = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock sublist) {
                    nested.addAll(listLines(sublist));
                } else {
                    Part part = part(child);
                    if (part != null) {
                        text.add(part.text());
                    }
                }
            }
            String itemText = collapseAll(String.join(" ", text));
            if (!itemText.isEmpty()) {
                lines.add(marker + " " + itemText);
            }
            lines.addAll(nested);
        }
        return lines;
    }

    /** Header and body rows alike, cells separated by " | "; the alignment row is not a row to CommonMark. */
    private static List<String> tableRows(TableBlock table) {
        List<String> rows = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(line(cell));
                }
                String text = String.join(" | ", cells);
                if (!text.isBlank()) {
                    rows.add(text);
                }
            }
        }
        return rows;
    }

    /** The node's inline text on one line. */
    private static String line(Node node) {
        return collapseAll(String.join(" ", InlineText.lines(node)));
    }

    static String collapse(String text) {
        return text.replaceAll("[ \\t]+", " ").strip();
    }

    private static String collapseAll(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
