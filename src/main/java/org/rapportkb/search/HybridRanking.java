package org.rapportkb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.semantic.DenseRetriever;

/**
 * Fuses the word-based and the semantic ranking by weighted scores: the word score as a share of
 * the best one in this search, the semantic score as its share between the similarity floor and a
 * perfect match, each times its weight from {@code semantic.yml}.
 */
final class HybridRanking {
  private HybridRanking() {}

  /** An article in the fused ranking, with the parts of its score. */
  record Ranked(
      int doc,
      float lexical,
      float lexicalShare,
      DenseRetriever.ArticleMatch semantic,
      float semanticShare,
      float fused) {}

  /**
   * @param lexical the word-based hits, best first
   * @param semanticByDoc the semantic matches that pass the request's filters, by document
   */
  static List<Ranked> fuse(
      ScoreDoc[] lexical,
      Map<Integer, DenseRetriever.ArticleMatch> semanticByDoc,
      SemanticSettings settings) {
    float best = 0;
    for (ScoreDoc hit : lexical) {
      best = Math.max(best, hit.score);
    }
    Map<Integer, Ranked> byDoc = new HashMap<>();
    for (ScoreDoc hit : lexical) {
      float lexicalShare = best > 0 ? hit.score / best : 0;
      byDoc.put(
          hit.doc, ranked(hit.doc, hit.score, lexicalShare, semanticByDoc.get(hit.doc), settings));
    }
    semanticByDoc.forEach(
        (doc, match) -> byDoc.computeIfAbsent(doc, d -> ranked(d, 0, 0, match, settings)));
    List<Ranked> ranked = new ArrayList<>(byDoc.values());
    ranked.sort(
        Comparator.comparingDouble(Ranked::fused)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Ranked::lexical).reversed())
            .thenComparingInt(Ranked::doc));
    return ranked;
  }

  private static Ranked ranked(
      int doc,
      float lexical,
      float lexicalShare,
      DenseRetriever.ArticleMatch semantic,
      SemanticSettings settings) {
    float semanticShare = semantic == null ? 0 : share(semantic.score(), settings.minSimilarity());
    float fused =
        (float)
            (settings.lexicalWeight() * lexicalShare + settings.semanticWeight() * semanticShare);
    return new Ranked(doc, lexical, lexicalShare, semantic, semanticShare, fused);
  }

  /** Where {@code similarity} lies between {@code floor} (0) and a perfect match (1). */
  static float share(double similarity, double floor) {
    return (float) Math.max(0, (similarity - floor) / Math.max(1e-6, 1 - floor));
  }
}
