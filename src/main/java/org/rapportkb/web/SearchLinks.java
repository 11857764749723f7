package org.rapportkb.web;

import java.util.List;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchResponse;

/**
 * Result links that carry the id of a recorded search ({@code /articles/slug?search=ID#section}),
 * so that the article page can note that a result of that search was opened.
 */
final class SearchLinks {
  static final String PARAM = "search";

  private SearchLinks() {}

  /**
   * {@code response} with every result link carrying {@code searchId} (none when it is null), and
   * the parts of each score only when {@code explain} asked for them.
   */
  static SearchResponse carrying(SearchResponse response, String searchId, boolean explain) {
    List<SearchHit> hits =
        response.hits().stream()
            .map(
                hit ->
                    new SearchHit(
                        hit.article(),
                        withId(hit.url(), searchId),
                        hit.score(),
                        hit.snippet(),
                        new SearchHit.PassageRef(
                            hit.passage().heading(), withId(hit.passage().url(), searchId)),
                        explain ? hit.explain() : null))
            .toList();
    return new SearchResponse(
        response.query(),
        response.total(),
        response.page(),
        response.size(),
        hits,
        response.facets(),
        response.suggestion(),
        response.partial(),
        response.searched(),
        response.semantic());
  }

  /** {@code url} with the search id added before its {@code #fragment}. */
  static String withId(String url, String searchId) {
    if (searchId == null) {
      return url;
    }
    int hash = url.indexOf('#');
    String path = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    return path + (path.contains("?") ? "&" : "?") + PARAM + "=" + searchId + fragment;
  }
}
