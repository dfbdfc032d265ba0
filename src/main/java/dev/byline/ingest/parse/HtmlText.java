package dev.byline.ingest.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reduces HTML to the plain text Byline stores as an article body.
 * <p>
 * The result never contains markup: only text nodes survive, attributes (and so any
 * {@code onerror=...} payload) are dropped, and script-like or page-chrome elements are removed
 * with their content. Paragraphs are separated by exactly one blank line ({@code "\n\n"});
 * whitespace inside a paragraph is collapsed to single spaces.
 */
public final class HtmlText {

    // Cheap sniffing only: a false positive just costs one jsoup parse of ordinary text.
    private static final Pattern TAG = Pattern.compile(
            "</?(p|div|br|hr|html|head|body|article|main|section|span|a|b|i|em|strong|h[1-6]"
                    + "|ul|ol|li|blockquote|pre|code|table|tr|td|th|img|script|style|iframe|svg|noscript"
                    + "|template|nav|header|footer|aside|form|input|object|embed|meta|link|title)(\\s|/|>)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE_OR_COMMENT = Pattern.compile("<!(doctype|--)", Pattern.CASE_INSENSITIVE);

    private static final String DROPPED = String.join(",",
            "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
            "iframe", "svg", "math", "object", "embed", "canvas", "video", "audio", "button", "select",
            "textarea", "head", "title");

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
            "blockquote", "br", "hr", "tr", "table", "section", "article", "main", "pre", "figure",
            "figcaption", "address", "details", "summary", "body");

    private HtmlText() {
    }

    /** True when {@code text} contains something that looks like an HTML tag, comment or doctype. */
    public static boolean looksLikeHtml(String text) {
        if (text == null || text.indexOf('<') < 0) {
            return false;
        }
        return TAG.matcher(text).find() || DOCTYPE_OR_COMMENT.matcher(text).find();
    }

    /** Plain text of an HTML document or fragment; empty (never null) when there is none. */
    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return documentToText(Jsoup.parse(html));
    }

    /**
     * Plain text of a parsed document. Removes the dropped elements from {@code document} itself,
     * so read any metadata (title, meta tags) before calling this.
     */
    public static String documentToText(Document document) {
        document.select(DROPPED).remove();
        return paragraphs(contentRoot(document));
    }

    private static Element contentRoot(Document document) {
        Element article = document.selectFirst("article");
        if (article != null) {
            return article;
        }
        Element main = document.selectFirst("main");
        return main != null ? main : document.body();
    }

    private static String paragraphs(Element root) {
        ParagraphCollector collector = new ParagraphCollector();
        root.traverse(collector);
        collector.flush();
        return String.join("\n\n", collector.paragraphs);
    }

    private static final class ParagraphCollector implements NodeVisitor {
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean pendingSpace;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
            } else if (isBlock(node)) {
                flush();
            } else if (node instanceof Element element && isCell(element)) {
                pendingSpace = true;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (isBlock(node)) {
                flush();
            }
        }

        private void append(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    pendingSpace = true;
                } else {
                    if (pendingSpace && !current.isEmpty()) {
                        current.append(' ');
                    }
                    pendingSpace = false;
                    current.append(c);
                }
            }
        }

        void flush() {
            if (!current.isEmpty()) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            pendingSpace = false;
        }

        private static boolean isBlock(Node node) {
            return node instanceof Element element && BLOCKS.contains(element.normalName());
        }

        private static boolean isCell(Element element) {
            String name = element.normalName();
            return name.equals("td") || name.equals("th");
        }
    }
}
