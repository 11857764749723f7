package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.rapportkb.article.ArticleSections;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.index.IndexFields;
import org.rapportkb.semantic.DenseRetriever;
import org.rapportkb.semantic.Passage;
import org.rapportkb.semantic.PassageDocs;

/**
 * Turns ranked articles into hits that show why they came: the passage that brought each one (the
 * section where its words matched, or the passage closest in meaning when meaning weighed more), a
 * snippet from that passage, and a link that lands on its section.
 */
final class HitPassages {
  private final IndexReader reader;
  private final Snippets snippets;
  private final Analyzer analyzer;
  private final SemanticSettings weights;

  /**
   * @param analyzer the analyzer articles were indexed with, for highlighting passages
   * @param weights how much words and meaning weigh in the fused score
   */
  HitPassages(IndexReader reader, Snippets snippets, Analyzer analyzer, SemanticSettings weights) {
    this.reader = reader;
    this.snippets = snippets;
    this.analyzer = analyzer;
    this.weights = weights;
  }

  /**
   * @param highlight whether to highlight the words that matched (else hits show their summary or
   *     passage, as when the time is up)
   */
  List<SearchHit> hits(
      List<HybridRanking.Ranked> page, Query matching, boolean explain, boolean highlight)
      throws IOException {
    // Only hits that may show their words are highlighted: the body highlighter is the costly part,
    // and a hit brought mostly by meaning shows its passage instead.
    List<ScoreDoc> byWords = new ArrayList<>();
    for (HybridRanking.Ranked ranked : page) {
      if (highlight && !meaningWeighsMore(ranked)) {
        byWords.add(new ScoreDoc(ranked.doc(), ranked.fused()));
      }
    }
    Snippets.Snippet[] lexical = snippets.highlight(matching, byWords.toArray(new ScoreDoc[0]));
    List<SearchHit> hits = new ArrayList<>(page.size());
    int next = 0;
    for (HybridRanking.Ranked ranked : page) {
      Snippets.Snippet words = !highlight || meaningWeighsMore(ranked) ? null : lexical[next++];
      hits.add(hit(ranked, words, matching, explain));
    }
    return hits;
  }

  /** Whether meaning outweighs words in {@code ranked}'s score (never without a meaning match). */
  private boolean meaningWeighsMore(HybridRanking.Ranked ranked) {
    return ranked.semantic() != null
        && weights.semanticWeight() * ranked.semanticShare()
            > weights.lexicalWeight() * ranked.lexicalShare();
  }

  private SearchHit hit(
      HybridRanking.Ranked ranked, Snippets.Snippet words, Query matching, boolean explain)
      throws IOException {
    ArticleSummary listing = IndexFields.summary(reader, ranked.doc());
    SearchHit.ScoreParts parts = explain ? parts(ranked) : null;
    Heading section =
        words != null && words.inBody()
            ? ArticleSections.headingAt(IndexFields.sections(reader, ranked.doc()), words.offset())
            : null;
    // A reference list shows no reader why the article came: the passage or the summary does.
    boolean inReferences = section != null && ArticleSections.isReferenceList(section.text());
    DenseRetriever.ArticleMatch meaning = ranked.semantic();
    if (meaning != null && (words == null || inReferences || meaningWeighsMore(ranked))) {
      Passage passage = PassageDocs.read(reader, meaning.best().docId());
      String url =
          passage.anchor().isEmpty() ? listing.url() : listing.url() + "#" + passage.anchor();
      return hit(
          listing,
          ranked.fused(),
          PassageSnippet.of(passage.text(), matching, analyzer),
          new SearchHit.PassageRef(passage.heading(), url),
          parts);
    }
    if (words != null && words.inBody() && !inReferences) {
      SearchHit.PassageRef ref =
          section == null
              ? new SearchHit.PassageRef(listing.title(), listing.url())
              : new SearchHit.PassageRef(section.text(), listing.url() + "#" + section.id());
      return hit(listing, ranked.fused(), words.html(), ref, parts);
    }
    String summary = words == null || inReferences ? null : words.html();
    return summaryHit(listing, ranked.fused(), summary, parts);
  }

  private static SearchHit.ScoreParts parts(HybridRanking.Ranked ranked) {
    return new SearchHit.ScoreParts(
        ranked.lexical(),
        ranked.lexicalShare(),
        ranked.semantic() == null ? 0 : (float) ranked.semantic().score(),
        ranked.semanticShare(),
        ranked.fused());
  }

  /** A hit shown by its summary (highlighted when given), linking to the top of the article. */
  static SearchHit summaryHit(
      ArticleSummary listing, float score, String highlighted, SearchHit.ScoreParts parts) {
    return hit(
        listing,
        score,
        highlighted != null ? highlighted : Snippets.escape(listing.summary()),
        new SearchHit.PassageRef(listing.title(), listing.url()),
        parts);
  }

  private static SearchHit hit(
      ArticleSummary listing,
      float score,
      String snippet,
      SearchHit.PassageRef passage,
      SearchHit.ScoreParts parts) {
    return new SearchHit(listing, listing.url(), score, snippet, passage, parts);
  }
}
