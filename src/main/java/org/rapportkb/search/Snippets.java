package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.rapportkb.index.IndexFields;
import org.rapportkb.index.Listing;

/**
 * Highlighted snippets from the offsets kept in the postings: HTML-escaped plain text with {@code
 * <mark>} around the words that matched, from the body, else the summary. One instance serves every
 * search on one searcher (the highlighter is thread-safe).
 */
final class Snippets {
  static final String OPEN = "<mark>";
  private static final String[] FIELDS = {IndexFields.BODY, IndexFields.SUMMARY};
  private static final int[] PASSAGES = {2, 1};
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u2029]+");

  private final UnifiedHighlighter highlighter;

  Snippets(IndexSearcher searcher, Analyzer analyzer) {
    this.highlighter =
        new DocValuesHighlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false)
                .withMaxLength(20_000)
                .withBreakIterator(SentenceBreaks::new)
                .withScorer(new LeanPassageScorer())
                .withFormatter(new DefaultPassageFormatter(OPEN, "</mark>", " … ", true)));
  }

  /** One snippet per hit, in the order of {@code hits}; null where nothing matched. */
  String[] highlight(Query query, ScoreDoc[] hits) throws IOException {
    if (hits.length == 0) {
      return new String[0];
    }
    ScoreDoc[] byDoc = hits.clone();
    TopDocs topDocs = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), byDoc);
    Map<String, String[]> fields = highlighter.highlightFields(FIELDS, query, topDocs, PASSAGES);
    String[] body = fields.get(IndexFields.BODY);
    String[] summary = fields.get(IndexFields.SUMMARY);
    String[] snippets = new String[hits.length];
    for (int i = 0; i < hits.length; i++) {
      snippets[i] = pick(body[i], summary[i]);
    }
    return snippets;
  }

  private static String pick(String body, String summary) {
    if (body != null && body.contains(OPEN)) {
      return oneLine(body);
    }
    if (summary != null && summary.contains(OPEN)) {
      return oneLine(summary);
    }
    return null;
  }

  private static String oneLine(String snippet) {
    return WHITE_SPACE.matcher(snippet).replaceAll(" ").strip();
  }

  /**
   * Reads the text to highlight from doc values (the body's text and the listing's summary) rather
   * than from stored fields, where each hit would cost decompressing its whole article.
   */
  private static final class DocValuesHighlighter extends UnifiedHighlighter {
    DocValuesHighlighter(UnifiedHighlighter.Builder builder) {
      super(builder);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      IndexReader reader = searcher.getIndexReader();
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        CharSequence[] texts = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          texts[i] = text(reader, fields[i], doc);
        }
        values.add(texts);
      }
      return values;
    }

    private static String text(IndexReader reader, String field, int doc) throws IOException {
      return switch (field) {
        case IndexFields.BODY -> IndexFields.bodyText(reader, doc);
        case IndexFields.SUMMARY -> Listing.read(reader, doc).summary();
        default -> throw new IllegalArgumentException("no highlighting text for " + field);
      };
    }
  }

  /** Escapes text for HTML, the same way the highlighter escapes snippets. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append((char) c);
              }
            });
    return out.toString();
  }
}
