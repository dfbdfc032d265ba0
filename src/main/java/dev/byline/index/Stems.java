package dev.byline.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Words as the index sees them: Lucene's English analysis (lower case, possessives and stop words
 * removed, Porter stems), so "invited" meets "invitation". For the parts of Byline that weigh
 * words outside a search (re-ranking, choosing a sentence, checking a citation). Thread-safe.
 */
public final class Stems {

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private Stems() {
    }

    /** @return the stems of {@code text} in order, repeats included; empty for null or blank text */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream tokens = ANALYZER.tokenStream(ArticleDocuments.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        return out;
    }
}
