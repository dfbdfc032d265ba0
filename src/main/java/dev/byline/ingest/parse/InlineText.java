package dev.byline.ingest.parse;

import dev.byline.ingest.HtmlText;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a CommonMark block's inline content: emphasis, code and link markers go, link text
 * stays, images vanish (alt text too: it describes a picture the reader of an answer cannot see).
 * Inline HTML sends the whole block through {@link HtmlText}, as one line: only a real HTML parser
 * knows where a {@code <script>} ends.
 */
final class InlineText extends AbstractVisitor {

    private final boolean html;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    private InlineText(boolean html) {
        this.html = html;
    }

    /** The block's text, one entry per source line (so the first line with text can serve as a title). */
    static List<String> lines(Node block) {
        InlineText inline = new InlineText(containsHtml(block));
        block.accept(inline);
        if (inline.html) {
            return List.of(MarkdownText.collapse(HtmlText.toText(inline.current.toString())));
        }
        inline.newLine();
        return inline.lines;
    }

    private static boolean containsHtml(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlInline || containsHtml(child)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visit(Text text) {
        current.append(html ? Entities.escape(text.getLiteral()) : text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        current.append(html ? Entities.escape(code.getLiteral()) : code.getLiteral());
    }

    @Override
    public void visit(HtmlInline inline) {
        current.append(inline.getLiteral());
    }

    @Override
    public void visit(Image image) {
        // Nothing: see the class comment.
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        newLine();
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        newLine();
    }

    private void newLine() {
        if (html) {
            current.append(' ');
        } else {
            lines.add(MarkdownText.collapse(current.toString()));
            current.setLength(0);
        }
    }
}
