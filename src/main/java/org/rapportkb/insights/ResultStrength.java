package org.rapportkb.insights;

import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchResponse;

/**
 * Whether a search's best result is a weak answer: its words hardly match the query (no word in a
 * title, alias or summary, only a few in the body) and its meaning is far from it. Such a search
 * found something, but probably not what was asked; the curriculum may lack it.
 *
 * <p>NOTE: a word score alone says little (a common word scores low even in a title), so a result
 * is judged weak only while search by meaning is ready; otherwise no result is called weak.
 */
final class ResultStrength {
  /**
   * The BM25 score from which a word match is strong: the query's words in a title, alias or
   * summary, or many times in the body. Calibrated on the bundled articles.
   */
  static final double STRONG_WORDS = 5.0;

  /**
   * The share of the way from the similarity floor to a perfect match from which a result is close
   * in meaning (with the bundled settings, a cosine similarity of about 0.48).
   */
  static final double CLOSE_MEANING = 0.2;

  private ResultStrength() {}

  /** Whether {@code response}'s best hit, asked for with its score parts, is a weak answer. */
  static boolean isWeak(SearchResponse response) {
    if (response.hits().isEmpty() || !"ready".equals(response.semantic())) {
      return false;
    }
    SearchHit.ScoreParts parts = response.hits().get(0).explain();
    return parts != null && parts.lexical() < STRONG_WORDS && parts.semanticShare() < CLOSE_MEANING;
  }
}
