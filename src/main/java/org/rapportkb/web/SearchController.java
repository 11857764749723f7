package org.rapportkb.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.json.Json;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;
import org.rapportkb.search.Suggestion;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.Site;

/** Search: the {@code /search} page, {@code /api/search} and {@code /api/suggest}. */
final class SearchController {
  private final KnowledgeBase kb;
  private final Templates templates;
  private final SearchInsights insights;

  SearchController(KnowledgeBase kb, Templates templates, SearchInsights insights) {
    this.kb = kb;
    this.templates = templates;
    this.insights = insights;
  }

  void apiSearch(Context ctx) throws IOException {
    SearchRequest request = Params.search(ctx).toRequest().withExplain(Params.explain(ctx));
    byte[] json =
        insights.records(request)
            ? Json.bytes(searchRecorded(request))
            : kb.search().searchEncoded(request, Json::bytes);
    ctx.contentType(ContentType.APPLICATION_JSON).result(json);
  }

  void apiSuggest(Context ctx) throws IOException {
    ctx.json(new Suggestions(kb.search().suggest(ctx.queryParam("q"))));
  }

  void page(Context ctx) throws IOException {
    SearchState state = Params.search(ctx);
    SearchRequest request = state.toRequest();
    SearchResponse response =
        insights.records(request) ? searchRecorded(request) : kb.search().search(request);
    Site site = Site.of(kb.config());
    String title = state.query().isEmpty() ? "Search" : "Search: " + state.query();
    Page page =
        Page.of(title, "Search the rapport techniques.", "search")
            .withQuery(state.query())
            .withoutHeaderSearch();
    templates.render(
        ctx,
        "search.jte",
        SearchPage.view(
            page, state, response, site, kb.config().limits(), insights.settings().enabled()));
  }

  /**
   * Runs {@code request} with the parts of each score (which tell a weak answer), records it in the
   * search log, and returns the answer with its result links carrying the search's id.
   */
  private SearchResponse searchRecorded(SearchRequest request) throws IOException {
    SearchResponse response = kb.search().search(request.withExplain(true));
    String id = insights.recordSearch(request, response).orElse(null);
    return SearchLinks.carrying(response, id, request.explain());
  }

  /** The JSON body of {@code /api/suggest}. */
  record Suggestions(List<Suggestion> suggestions) {}
}
