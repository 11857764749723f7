package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.search.SearchResponse;

/**
 * The search page: the form, the results and everything to refine them, all held in the URL.
 *
 * @param query the query as typed
 * @param filters the active filters, each with the URL that removes it
 * @param hidden the active filters as form fields, so that a new query keeps them
 * @param suggestionUrl the search for the corrected query, or null
 * @param clearUrl the same query without filters
 * @param firstRank the rank of the first hit on this page
 */
public record SearchView(
    Page page,
    String query,
    SearchResponse result,
    List<FacetGroup> facets,
    List<Link> filters,
    List<HiddenField> hidden,
    Pagination pagination,
    String suggestionUrl,
    String clearUrl,
    long firstRank,
    Site site) {

  public boolean filtered() {
    return !filters.isEmpty();
  }

  /** Whether the request asked for a page past the last result. */
  public boolean pastTheEnd() {
    return result.hits().isEmpty() && result.total() > 0;
  }
}
