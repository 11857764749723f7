package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.rapportkb.index.IndexFields;

/**
 * Highlighted snippets from the offsets kept in the postings: HTML-escaped plain text with {@code
 * <mark>} around the words that matched, from the body, else the summary. One instance serves every
 * search on one searcher (the highlighter is thread-safe).
 */
final class Snippets {
  static final String OPEN = "<mark>";
  private static final String[] BODY = {IndexFields.BODY};
  private static final int[] BODY_PASSAGES = {2};
  private static final String[] SUMMARY = {IndexFields.SUMMARY};
  private static final int[] SUMMARY_PASSAGES = {1};
  private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\u2029]+");

  /** What never starts a snippet: a closing quote or bracket, or punctuation that ends a clause. */
  private static final Pattern STRAY_START =
      Pattern.compile("(?:[\u201d\u2019,;:.!?)\\]\u2026-]|&#x27;|&#39;)+");

  private final DocValuesHighlighter highlighter;

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
                .withFormatter(new OffsetFormatter()));
  }

  /**
   * A highlighted snippet and where it was found.
   *
   * @param inBody whether it comes from the body (else from the summary)
   * @param offset where its best passage starts in the body's plain text
   */
  record Snippet(String html, boolean inBody, int offset) {}

  /** Whether the highlighter found a match to mark in a field. */
  private static boolean marked(Formatted found) {
    return found != null && found.html().contains(OPEN);
  }

  /**
   * One snippet per hit, in the order of {@code hits}; null where nothing matched. The summary is
   * highlighted only for the hits whose body has no match, since a body snippet is always
   * preferred.
   */
  Snippet[] highlight(Query query, ScoreDoc[] hits) throws IOException {
    Snippet[] snippets = new Snippet[hits.length];
    if (hits.length == 0) {
      return snippets;
    }
    Object[] body =
        highlighter.formatted(BODY, query, docIds(hits), BODY_PASSAGES).get(IndexFields.BODY);
    List<Integer> withoutBody = new ArrayList<>();
    for (int i = 0; i < hits.length; i++) {
      Formatted found = (Formatted) body[i];
      if (marked(found)) {
        snippets[i] = new Snippet(oneLine(found.html()), true, found.bestStart());
      } else {
        withoutBody.add(i);
      }
    }
    if (withoutBody.isEmpty()) {
      return snippets;
    }
    int[] rest = new int[withoutBody.size()];
    for (int i = 0; i < rest.length; i++) {
      rest[i] = hits[withoutBody.get(i)].doc;
    }
    Object[] summary =
        highlighter.formatted(SUMMARY, query, rest, SUMMARY_PASSAGES).get(IndexFields.SUMMARY);
    for (int i = 0; i < rest.length; i++) {
      Formatted found = (Formatted) summary[i];
      if (marked(found)) {
        snippets[withoutBody.get(i)] = new Snippet(oneLine(found.html()), false, 0);
      }
    }
    return snippets;
  }

  private static int[] docIds(ScoreDoc[] hits) {
    int[] ids = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      ids[i] = hits[i].doc;
    }
    return ids;
  }

  /** The snippet on one line, without stray punctuation or an unmatched quote mark at its start. */
  static String oneLine(String snippet) {
    String text = WHITE_SPACE.matcher(snippet).replaceAll(" ").strip();
    while (true) {
      Matcher lead = STRAY_START.matcher(text);
      if (lead.lookingAt()) {
        text = text.substring(lead.end()).stripLeading();
      } else if (text.startsWith("&quot;") && count(text, "&quot;") % 2 == 1) {
        text = text.substring("&quot;".length()).stripLeading();
      } else if (text.startsWith("\"") && count(text, "\"") % 2 == 1) {
        text = text.substring(1).stripLeading();
      } else {
        return text;
      }
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  /** The highlighter's text, with the start of its best-scoring passage. */
  private record Formatted(String html, int bestStart) {}

  /** Formats as {@link DefaultPassageFormatter} does, and keeps where the best passage starts. */
  private static final class OffsetFormatter extends PassageFormatter {
    private final DefaultPassageFormatter html =
        new DefaultPassageFormatter(OPEN, "</mark>", " … ", true);

    @Override
    public Object format(Passage[] passages, String content) {
      int best = 0;
      float bestScore = Float.NEGATIVE_INFINITY;
      for (Passage passage : passages) {
        if (passage.getScore() > bestScore) {
          bestScore = passage.getScore();
          best = passage.getStartOffset();
        }
      }
      return new Formatted(html.format(passages, content), best);
    }
  }

  /**
   * Reads the text to highlight from doc values (the body's text and the listing's summary) rather
   * than from stored fields, where each hit would cost decompressing its whole article.
   */
  private static final class DocValuesHighlighter extends UnifiedHighlighter {
    DocValuesHighlighter(UnifiedHighlighter.Builder builder) {
      super(builder);
    }

    /** What the formatter made for each field and document, in the order of {@code docIds}. */
    Map<String, Object[]> formatted(String[] fields, Query query, int[] docIds, int[] passages)
        throws IOException {
      return highlightFieldsAsObjects(fields, query, docIds, passages);
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
        case IndexFields.SUMMARY -> IndexFields.summary(reader, doc).summary();
        default -> throw new IllegalArgumentException("no highlighting text for " + field);
      };
    }
  }

  /** Escapes text for HTML, the same way the highlighter escapes snippets. */
  static String escape(String text) {
    // NOTE: oneLine relies on a quote mark being escaped as &quot;, as here and in the
    // highlighters.
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
