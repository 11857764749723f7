package org.rapportkb.search;

/**
 * A search as a client asks for it; {@code null} filters mean "any".
 *
 * @param page 1-based page number
 * @param includeDrafts whether draft articles may be returned
 */
public record SearchRequest(
    String query,
    String category,
    String tag,
    String level,
    int page,
    int size,
    boolean includeDrafts) {

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, 1, 10, false);
  }

  public SearchRequest withPage(int newPage, int newSize) {
    return new SearchRequest(query, category, tag, level, newPage, newSize, includeDrafts);
  }

  public SearchRequest withFilters(String newCategory, String newTag, String newLevel) {
    return new SearchRequest(query, newCategory, newTag, newLevel, page, size, includeDrafts);
  }
}
