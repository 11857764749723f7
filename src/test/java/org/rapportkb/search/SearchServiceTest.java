package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapportkb.IndexedFixture;

class SearchServiceTest extends IndexedFixture {

  private SearchResponse search(String query) throws Exception {
    return kb.search().search(SearchRequest.of(query));
  }

  private static List<String> slugs(SearchResponse response) {
    return response.hits().stream().map(h -> h.article().slug()).toList();
  }

  @Test
  void titleMatchRanksAboveBodyMatch() throws Exception {
    SearchResponse response = search("silence");
    assertEquals(List.of("using-silence", "active-listening"), slugs(response));
    assertEquals(2, response.total());
  }

  @Test
  void aliasMatchesLikeTitle() throws Exception {
    assertEquals("reflective-listening", slugs(search("mirroring")).get(0));
    assertEquals("double-sided-reflections", slugs(search("two-sided reflection")).get(0));
  }

  @Test
  void synonymFromConfigMatches() throws Exception {
    SearchResponse response = search("involuntary");
    assertEquals(List.of("mandated-clients"), slugs(response));
  }

  @Test
  void stemmingMatchesOtherWordForms() throws Exception {
    List<String> found = slugs(search("listens"));
    assertTrue(
        found.containsAll(List.of("active-listening", "reflective-listening")), found.toString());
  }

  @Test
  void misspellingIsCorrectedAndSuggested() throws Exception {
    SearchResponse response = search("emphathy");
    assertEquals("empathy", slugs(response).get(0));
    assertEquals("empathy", response.suggestion());

    SearchResponse reflexive = search("reflexive listening");
    assertEquals("reflective-listening", slugs(reflexive).get(0));
    assertEquals("reflective listening", reflexive.suggestion());
  }

  @Test
  void correctlySpeltQueryHasNoSuggestion() throws Exception {
    assertNull(search("empathy").suggestion());
  }

  @Test
  void emptyQueryListsPublishedArticlesWithFacetCounts() throws Exception {
    SearchResponse response = search("");
    assertEquals(6, response.total());
    Map<String, Integer> categories = counts(response.facets().get("category"));
    assertEquals(
        Map.of("attending", 2, "reflection", 2, "empathy", 1, "assessment", 1), categories);
    Map<String, Integer> levels = counts(response.facets().get("level"));
    assertEquals(Map.of("foundation", 3, "intermediate", 2, "advanced", 1), levels);
    assertEquals(2, counts(response.facets().get("tag")).get("motivational-interviewing"));
    assertEquals("active-listening", slugs(response).get(0), "listing follows curriculum order");
  }

  @Test
  void filtersNarrowResultsAndFacetsStaySideways() throws Exception {
    SearchRequest request = SearchRequest.of("").withFilters("reflection", null, null);
    SearchResponse response = kb.search().search(request);
    assertEquals(2, response.total());
    assertEquals(List.of("reflective-listening", "double-sided-reflections"), slugs(response));
    assertEquals(2, counts(response.facets().get("category")).get("attending"));
    assertEquals(
        Map.of("foundation", 1, "intermediate", 1), counts(response.facets().get("level")));

    SearchRequest byTag =
        SearchRequest.of("").withFilters(null, "motivational-interviewing", "intermediate");
    assertEquals(List.of("double-sided-reflections"), slugs(kb.search().search(byTag)));
  }

  @Test
  void phraseBooleanFieldAndPrefixSyntax() throws Exception {
    assertEquals(List.of("double-sided-reflections"), slugs(search("\"both sides\"")));
    List<String> notHome = slugs(search("listening NOT home"));
    assertTrue(notHome.contains("reflective-listening"));
    assertFalse(notHome.contains("active-listening"));
    assertEquals(List.of("empathy"), slugs(search("title:empathy")));
    assertEquals(List.of("double-sided-reflections"), slugs(search("ambival*")));
    assertEquals(List.of("mandated-clients"), slugs(search("level:advanced")));
    assertEquals(2, search("tag:listening").total());
  }

  @Test
  void snippetsArePlainEscapedTextWithMarks() throws Exception {
    SearchHit hit = search("silence").hits().get(0);
    assertTrue(hit.snippet().contains("<mark>"), hit.snippet());
    assertFalse(hit.snippet().contains("**"), hit.snippet());
    assertFalse(hit.snippet().contains("##"), hit.snippet());
    SearchHit quoted = search("\"I know exactly how you feel\"").hits().get(0);
    assertTrue(quoted.snippet().contains("&quot;"), quoted.snippet());
  }

  @Test
  void aHitWhoseWordsAreOnlyInItsSummaryShowsItsHighlightedSummary() throws Exception {
    // "employer" is in the summary of mandated-clients and nowhere else; "silence" is in bodies.
    Map<String, SearchHit> hits =
        search("employer silence").hits().stream()
            .collect(java.util.stream.Collectors.toMap(h -> h.article().slug(), h -> h));
    SearchHit summaryOnly = hits.get("mandated-clients");
    assertEquals(
        "Build a working relationship when a court or <mark>employer</mark> sent the client.",
        summaryOnly.snippet());
    assertEquals("/articles/mandated-clients", summaryOnly.passage().url());
    SearchHit inBody = hits.get("using-silence");
    assertTrue(inBody.snippet().contains("<mark>"), inBody.snippet());
    assertTrue(inBody.passage().url().contains("#"), "a body match links to its section");
  }

  @Test
  void draftsAreHiddenUnlessAskedFor() throws Exception {
    assertEquals(0, search("rupture").total());
    SearchRequest drafts = new SearchRequest("rupture", null, null, null, 1, 10, true);
    assertEquals(1, kb.search().search(drafts).total());
  }

  @Test
  void paginationStaysWithinLimits() throws Exception {
    SearchResponse page2 = kb.search().search(SearchRequest.of("").withPage(2, 2));
    assertEquals(6, page2.total());
    assertEquals(List.of("reflective-listening", "double-sided-reflections"), slugs(page2));
    assertThrows(
        InvalidQueryException.class,
        () -> kb.search().search(SearchRequest.of("").withPage(0, 10)));
    assertThrows(
        InvalidQueryException.class,
        () -> kb.search().search(SearchRequest.of("").withPage(1, 51)));
    assertThrows(
        InvalidQueryException.class,
        () -> kb.search().search(SearchRequest.of("").withPage(500, 10)));
  }

  @Test
  void brokenSyntaxIsSearchedAsItsPlainWordsAndSaysSo() throws Exception {
    for (String typed :
        List.of(
            "feel/think",
            "silence AND",
            "silence (pause",
            "\"silence pause",
            "silence -",
            "*silence")) {
      SearchResponse response = kb.search().search(SearchRequest.of(typed));
      assertEquals(typed, response.query());
      assertNotNull(response.searched(), typed);
      assertEquals(QueryText.plainWords(typed), response.searched());
    }
    SearchResponse pause = kb.search().search(SearchRequest.of("silence (pause"));
    assertEquals("silence pause", pause.searched());
    assertTrue(slugs(pause).contains("using-silence"), slugs(pause).toString());
    assertNull(kb.search().search(SearchRequest.of("silence")).searched());
  }

  @Test
  void aHitNamesTheSectionItsSnippetComesFromButNeverTheReferenceList() throws Exception {
    SearchHit silence = kb.search().search(SearchRequest.of("pause")).hits().get(0);
    assertEquals("using-silence", silence.article().slug());
    assertTrue(silence.passage().url().startsWith("/articles/using-silence#"), silence.toString());
    assertTrue(silence.snippet().contains("<mark>"), silence.snippet());

    SearchHit cited = kb.search().search(SearchRequest.of("Rooney")).hits().get(0);
    assertEquals("mandated-clients", cited.article().slug());
    assertEquals(
        new SearchHit.PassageRef("Working with mandated clients", "/articles/mandated-clients"),
        cited.passage());
  }

  @Test
  void badQueriesAreRejectedWithAClearMessage() {
    for (String bad : List.of("*", "((", "x".repeat(501), "(".repeat(30) + "a")) {
      InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search(bad), bad);
      assertFalse(e.getMessage().isBlank());
    }
    assertThrows(
        InvalidQueryException.class,
        () -> kb.search().search(SearchRequest.of("").withFilters("nope", null, null)));
    assertThrows(
        InvalidQueryException.class,
        () -> kb.search().search(SearchRequest.of("").withFilters(null, null, "expert")));
  }

  @Test
  void suggestionsCompleteTitlesAndAliases() throws Exception {
    assertEquals(
        List.of(
            new Suggestion(
                "Empathy", "empathy", "Empathy", false, List.of(new Suggestion.Mark(0, 4)))),
        kb.search().suggest("empa"));
    List<Suggestion> twoSided = kb.search().suggest("two-si");
    assertEquals("double-sided-reflections", twoSided.get(0).slug());
    assertTrue(kb.search().suggest("r").isEmpty());
    assertTrue(kb.search().suggest("repairing").isEmpty(), "drafts are not suggested");
  }

  private static Map<String, Integer> counts(List<FacetValue> values) {
    return values.stream()
        .collect(java.util.stream.Collectors.toMap(FacetValue::value, FacetValue::count));
  }
}
