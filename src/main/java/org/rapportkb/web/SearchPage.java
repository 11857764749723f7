package org.rapportkb.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rapportkb.article.Level;
import org.rapportkb.config.QueryLimits;
import org.rapportkb.search.FacetValue;
import org.rapportkb.search.SearchResponse;
import org.rapportkb.web.view.FacetGroup;
import org.rapportkb.web.view.FacetLink;
import org.rapportkb.web.view.Format;
import org.rapportkb.web.view.HiddenField;
import org.rapportkb.web.view.Link;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.Pagination;
import org.rapportkb.web.view.SearchView;
import org.rapportkb.web.view.Site;

/** Builds the search page from a search's state and answer: filter links, pages, corrections. */
final class SearchPage {
  /** How many numbered page links are shown on each side of the current page. */
  private static final int PAGE_RADIUS = 2;

  private SearchPage() {}

  /**
   * @param recorded whether searches are recorded in the search log, which the page then says
   */
  static SearchView view(
      Page page,
      SearchState state,
      SearchResponse response,
      Site site,
      QueryLimits limits,
      boolean recorded) {
    List<Link> filters = new ArrayList<>();
    List<HiddenField> hidden = new ArrayList<>();
    addFilter(
        filters, hidden, state, "category", state.category(), site.categoryName(state.category()));
    addFilter(filters, hidden, state, "level", state.level(), Format.level(state.level()));
    addFilter(filters, hidden, state, "tag", state.tag(), site.tagName(state.tag()));
    String suggestionUrl =
        response.suggestion() == null ? null : state.withQuery(response.suggestion()).url();
    return new SearchView(
        page,
        state.query(),
        response,
        facets(state, response.facets(), site),
        filters,
        hidden,
        pagination(state, response.total(), limits),
        suggestionUrl,
        state.withoutFilters().url(),
        (long) (state.page() - 1) * state.size() + 1,
        site,
        recorded);
  }

  private static void addFilter(
      List<Link> filters,
      List<HiddenField> hidden,
      SearchState state,
      String param,
      String value,
      String label) {
    if (value != null) {
      filters.add(new Link(label, state.withFilter(param, null).url()));
      hidden.add(new HiddenField(param, value));
    }
  }

  private static List<FacetGroup> facets(
      SearchState state, Map<String, List<FacetValue>> facets, Site site) {
    List<FacetValue> categories = new ArrayList<>(facets.getOrDefault("category", List.of()));
    categories.sort(
        Comparator.comparingInt(
            (FacetValue v) ->
                site.category(v.value()).map(c -> c.order()).orElse(Integer.MAX_VALUE)));
    List<FacetValue> levels = new ArrayList<>(facets.getOrDefault("level", List.of()));
    levels.sort(
        Comparator.comparingInt(
            (FacetValue v) -> Level.parse(v.value()).map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
    List<FacetValue> tags = facets.getOrDefault("tag", List.of());
    return List.of(
        group("Module", "category", categories, state.category(), state, site::categoryName),
        group("Level", "level", levels, state.level(), state, Format::level),
        group("Tag", "tag", tags, state.tag(), state, site::tagName));
  }

  private static FacetGroup group(
      String label,
      String param,
      List<FacetValue> values,
      String active,
      SearchState state,
      java.util.function.Function<String, String> name) {
    List<FacetLink> links = new ArrayList<>();
    for (FacetValue value : values) {
      boolean on = value.value().equals(active);
      String url = state.withFilter(param, on ? null : value.value()).url();
      links.add(new FacetLink(name.apply(value.value()), value.count(), url, on));
    }
    return new FacetGroup(label, param, links);
  }

  private static Pagination pagination(SearchState state, long total, QueryLimits limits) {
    long reachable = Math.min(total, limits.resultWindow());
    int last = (int) Math.max(1, (reachable + state.size() - 1) / state.size());
    int current = state.page();
    Link previous =
        current > 1
            ? new Link("Previous", state.withPage(Math.min(current - 1, last)).url())
            : null;
    Link next = current < last ? new Link("Next", state.withPage(current + 1).url()) : null;
    List<Pagination.PageLink> pages = new ArrayList<>();
    if (last > 1) {
      int from = Math.max(1, current - PAGE_RADIUS);
      int to = Math.min(last, current + PAGE_RADIUS);
      if (from > 1) {
        pages.add(link(state, 1, current));
        if (from > 2) {
          pages.add(new Pagination.PageLink(0, null, false, true));
        }
      }
      for (int n = from; n <= to; n++) {
        pages.add(link(state, n, current));
      }
      if (to < last) {
        if (to < last - 1) {
          pages.add(new Pagination.PageLink(0, null, false, true));
        }
        pages.add(link(state, last, current));
      }
    }
    return new Pagination(previous, next, pages);
  }

  private static Pagination.PageLink link(SearchState state, int number, int current) {
    return new Pagination.PageLink(number, state.withPage(number).url(), number == current, false);
  }
}
