package org.rapportkb.search;

import org.rapportkb.article.ArticleSummary;

/**
 * One result of a search; {@code snippet} is HTML-escaped text with {@code <mark>} around matches,
 * taken from {@code passage}, the part of the article that brought the result.
 *
 * @param article the article found
 * @param url where the result links: the article's page, maybe carrying the search's id
 * @param explain the parts of {@code score}, only when asked for
 */
public record SearchHit(
    ArticleSummary article,
    String url,
    float score,
    String snippet,
    PassageRef passage,
    ScoreParts explain) {

  /** The section a hit's snippet comes from, and the link that lands on it. */
  public record PassageRef(String heading, String url) {}

  /**
   * How a score was made.
   *
   * @param lexical the word-based (BM25) score, 0 when no word matched
   * @param lexicalShare the word-based score as a share of the best one of this search
   * @param semantic the mean cosine similarity of the article's best passages, 0 below the floor
   * @param semanticShare the semantic score's share between the floor and a perfect match
   * @param fused the weighted sum of both shares: the hit's score
   */
  public record ScoreParts(
      float lexical, float lexicalShare, float semantic, float semanticShare, float fused) {}
}
