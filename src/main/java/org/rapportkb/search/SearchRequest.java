package org.rapportkb.search;

/**
 * A search as a client asks for it; {@code null} filters mean "any".
 *
 * @param page 1-based page number
 * @param includeDrafts whether draft articles may be returned
 * @param explain whether each hit tells the word-based and semantic parts of its score
 */
public record SearchRequest(
    String query,
    String category,
    String tag,
    String level,
    int page,
    int size,
    boolean includeDrafts,
    boolean explain) {

  public SearchRequest(
      String query,
      String category,
      String tag,
      String level,
      int page,
      int size,
      boolean includeDrafts) {
    this(query, category, tag, level, page, size, includeDrafts, false);
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, 1, 10, false);
  }

  public SearchRequest withPage(int newPage, int newSize) {
    return new SearchRequest(query, category, tag, level, newPage, newSize, includeDrafts, explain);
  }

  public SearchRequest withFilters(String newCategory, String newTag, String newLevel) {
    return new SearchRequest(
        query, newCategory, newTag, newLevel, page, size, includeDrafts, explain);
  }

  public SearchRequest withExplain(boolean newExplain) {
    return new SearchRequest(query, category, tag, level, page, size, includeDrafts, newExplain);
  }
}
