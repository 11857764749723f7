package org.rapportkb.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.rapportkb.index.IndexFields;

/**
 * The snippet of a passage that matched by meaning: the part of it where the query's words are,
 * highlighted, or, when it shares no word with the query, its opening words, so that a reader
 * always sees why the result came.
 */
final class PassageSnippet {
  private static final int LENGTH = 240;

  private PassageSnippet() {}

  /** HTML-escaped text of {@code passage} with {@code <mark>} around words of {@code query}. */
  static String of(String passage, Query query, Analyzer analyzer) {
    if (query != null) {
      Highlighter highlighter =
          new Highlighter(
              new SimpleHTMLFormatter(Snippets.OPEN, "</mark>"),
              new SimpleHTMLEncoder(),
              new QueryTermScorer(query));
      highlighter.setTextFragmenter(new SimpleFragmenter(LENGTH));
      try {
        String best = highlighter.getBestFragment(analyzer, IndexFields.BODY, passage);
        if (best != null && best.contains(Snippets.OPEN)) {
          return Snippets.oneLine(best);
        }
      } catch (IOException | InvalidTokenOffsetsException e) {
        // Fall through to the opening words.
      }
    }
    return Snippets.escape(opening(passage));
  }

  /** The first words of {@code text}, cut at a word boundary. */
  static String opening(String text) {
    String flat = Snippets.oneLine(text);
    if (flat.length() <= LENGTH) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', LENGTH);
    return flat.substring(0, cut > LENGTH / 2 ? cut : LENGTH) + " …";
  }
}
