package org.rapportkb.web;

import org.rapportkb.search.SearchRequest;

/**
 * What a search page shows, exactly as its URL says: query, filters, page and page size. Default
 * values are left out of the URL so that shared links stay short.
 */
record SearchState(String query, String category, String tag, String level, int page, int size) {
  static final int DEFAULT_PAGE = 1;
  static final int DEFAULT_SIZE = 10;

  SearchRequest toRequest() {
    return new SearchRequest(query, category, tag, level, page, size, false);
  }

  SearchState withQuery(String newQuery) {
    return new SearchState(newQuery, category, tag, level, DEFAULT_PAGE, size);
  }

  SearchState withPage(int newPage) {
    return new SearchState(query, category, tag, level, newPage, size);
  }

  /** The same search with one filter set (or removed, with null), from the first page. */
  SearchState withFilter(String param, String value) {
    return switch (param) {
      case "category" -> new SearchState(query, value, tag, level, DEFAULT_PAGE, size);
      case "tag" -> new SearchState(query, category, value, level, DEFAULT_PAGE, size);
      case "level" -> new SearchState(query, category, tag, value, DEFAULT_PAGE, size);
      default -> throw new IllegalArgumentException("no filter named " + param);
    };
  }

  SearchState withoutFilters() {
    return new SearchState(query, null, null, null, DEFAULT_PAGE, size);
  }

  String url() {
    QueryString url =
        new QueryString("/search")
            .add("q", query)
            .add("category", category)
            .add("tag", tag)
            .add("level", level);
    if (page != DEFAULT_PAGE) {
      url.add("page", page);
    }
    if (size != DEFAULT_SIZE) {
      url.add("size", size);
    }
    return url.toString();
  }
}
