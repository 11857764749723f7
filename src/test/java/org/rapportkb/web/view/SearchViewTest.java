package org.rapportkb.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchResponse;

/** Which results the search page shows at once and which it folds. */
class SearchViewTest {
  private static SearchHit hit(String slug, float score) {
    return new SearchHit(
        new ArticleSummary(slug, slug, "", "attending", "foundation", List.of(), null),
        "/articles/" + slug,
        score,
        "",
        new SearchHit.PassageRef(slug, "/articles/" + slug),
        null);
  }

  private static SearchView view(String query, long firstRank, float... scores) {
    List<SearchHit> hits = new java.util.ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      hits.add(hit("a" + i, scores[i]));
    }
    SearchResponse response =
        new SearchResponse(query, hits.size(), 1, 10, hits, Map.of(), null, false, null, "ready");
    return new SearchView(
        null, query, response, List.of(), List.of(), List.of(), null, null, "", firstRank, null,
        false);
  }

  @Test
  void weakMatchesAfterTheFirstThreeAreFoldedOnTheFirstPage() {
    SearchView view = view("client cried", 1, 2.0f, 1.5f, 0.9f, 0.6f, 0.4f, 0.1f);
    assertEquals(4, view.closeHits().size());
    assertEquals(
        List.of("a4", "a5"), view.looseHits().stream().map(h -> h.article().slug()).toList());
  }

  @Test
  void nothingIsFoldedForAFewHitsAListingOrALaterPage() {
    assertEquals(0, view("x", 1, 2.0f, 0.1f, 0.05f).looseHits().size());
    assertEquals(0, view("", 1, 0f, 0f, 0f, 0f, 0f).looseHits().size());
    assertEquals(0, view("x", 11, 2.0f, 1.0f, 0.9f, 0.1f).looseHits().size());
  }
}
