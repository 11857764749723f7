package org.rapportkb.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.search.SearchResponse;
import org.rapportkb.search.Suggestion;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.Site;

/** Search: the {@code /search} page, {@code /api/search} and {@code /api/suggest}. */
final class SearchController {
  private final KnowledgeBase kb;
  private final Templates templates;

  SearchController(KnowledgeBase kb, Templates templates) {
    this.kb = kb;
    this.templates = templates;
  }

  void apiSearch(Context ctx) throws IOException {
    ctx.contentType(ContentType.APPLICATION_JSON)
        .result(
            kb.search()
                .searchAsJson(Params.search(ctx).toRequest().withExplain(Params.explain(ctx))));
  }

  void apiSuggest(Context ctx) throws IOException {
    ctx.json(new Suggestions(kb.search().suggest(ctx.queryParam("q"))));
  }

  void page(Context ctx) throws IOException {
    SearchState state = Params.search(ctx);
    SearchResponse response = kb.search().search(state.toRequest());
    Site site = Site.of(kb.config());
    String title = state.query().isEmpty() ? "Search" : "Search: " + state.query();
    Page page =
        Page.of(title, "Search the rapport techniques.", "search")
            .withQuery(state.query())
            .withoutHeaderSearch();
    templates.render(
        ctx, "search.jte", SearchPage.view(page, state, response, site, kb.config().limits()));
  }

  /** The JSON body of {@code /api/suggest}. */
  record Suggestions(List<Suggestion> suggestions) {}
}
