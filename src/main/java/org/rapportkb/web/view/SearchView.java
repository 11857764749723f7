package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.search.SearchHit;
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
 * @param recorded whether searches are recorded (anonymously) for the trainers' insights
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
    Site site,
    boolean recorded) {

  public boolean filtered() {
    return !filters.isEmpty();
  }

  /**
   * A hit on the first page whose score is under this share of the best one is folded under "More
   * loosely related": a result list that trails off into weak matches (a few shared common words, a
   * distant meaning) keeps its strong answers on top and the rest one click away.
   */
  public static final double LOOSE_SHARE = 0.25;

  /** At least this many hits are shown before any is folded. */
  static final int ALWAYS_SHOWN = 3;

  /** The hits shown at once. */
  public List<SearchHit> closeHits() {
    return result.hits().subList(0, firstLoose());
  }

  /** The hits folded under "More loosely related" (only on the first page of a search). */
  public List<SearchHit> looseHits() {
    return result.hits().subList(firstLoose(), result.hits().size());
  }

  private int firstLoose() {
    List<SearchHit> hits = result.hits();
    if (query.isBlank() || firstRank != 1 || hits.size() <= ALWAYS_SHOWN) {
      return hits.size();
    }
    double floor = hits.get(0).score() * LOOSE_SHARE;
    for (int i = ALWAYS_SHOWN; i < hits.size(); i++) {
      if (hits.get(i).score() < floor) {
        return i;
      }
    }
    return hits.size();
  }

  /** Whether the request asked for a page past the last result. */
  public boolean pastTheEnd() {
    return result.hits().isEmpty() && result.total() > 0;
  }
}
