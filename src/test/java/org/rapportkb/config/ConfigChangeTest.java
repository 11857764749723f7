package org.rapportkb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.check.Problem;
import org.rapportkb.search.FacetValue;
import org.rapportkb.search.InvalidQueryException;
import org.rapportkb.search.SearchRequest;

/** Every config edit takes effect without a manual rebuild. */
class ConfigChangeTest {
  @TempDir Path dir;

  private static List<String> categoriesInOrder(KnowledgeBase kb) throws Exception {
    return kb.library().list(null, null, null).stream()
        .map(ArticleSummary::category)
        .distinct()
        .toList();
  }

  @Test
  void reorderedModulesReorderTheListsAtOnce() throws Exception {
    try (KnowledgeBase kb = Fixture.openIndexed(dir)) {
      assertEquals(
          List.of("attending", "reflection", "empathy", "assessment"), categoriesInOrder(kb));
      Path categories = kb.paths().config().resolve("categories.yml");
      String yaml = Files.readString(categories);
      String attending =
          yaml.substring(yaml.indexOf("  - slug: attending"), yaml.indexOf("  - slug: questions"));
      Files.writeString(categories, yaml.replace(attending, "") + attending);
      assertTrue(kb.reloadConfig().stream().noneMatch(Problem::isError));
      assertEquals(
          List.of("reflection", "empathy", "assessment", "attending"), categoriesInOrder(kb));
      List<String> listed =
          kb.search().search(SearchRequest.of("")).hits().stream()
              .map(h -> h.article().category())
              .toList();
      assertEquals("attending", listed.get(listed.size() - 1), listed.toString());
    }
  }

  @Test
  void aRemovedModuleTakesItsArticlesOutOfSearchAndFacetsAndIsReported() throws Exception {
    try (KnowledgeBase kb = Fixture.openIndexed(dir)) {
      assertTrue(kb.search().search(SearchRequest.of("empathy")).total() > 0);
      Path categories = kb.paths().config().resolve("categories.yml");
      String yaml = Files.readString(categories);
      String empathy =
          yaml.substring(yaml.indexOf("  - slug: empathy"), yaml.indexOf("  - slug: validation"));
      Files.writeString(categories, yaml.replace(empathy, ""));
      List<Problem> problems = kb.reloadConfig();
      assertTrue(
          problems.stream()
              .anyMatch(
                  p ->
                      p.isError()
                          && p.path().endsWith("empathy.md")
                          && p.line() > 0
                          && p.message().contains("empathy")),
          problems.toString());
      var response = kb.search().search(SearchRequest.of("empathy"));
      assertFalse(
          response.hits().stream().anyMatch(h -> h.article().category().equals("empathy")),
          response.toString());
      assertFalse(
          response.facets().get("category").stream()
              .map(FacetValue::value)
              .anyMatch("empathy"::equals));
    }
  }

  @Test
  void anEditedClauseLimitAppliesToTheNextSearch() throws Exception {
    try (KnowledgeBase kb = Fixture.openIndexed(dir)) {
      String many = IntStream.range(0, 90).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
      kb.search().search(SearchRequest.of(many));
      Path limits = kb.paths().config().resolve("limits.yml");
      String original = Files.readString(limits);
      try {
        Files.writeString(limits, original.replaceAll("maxClauses: *\\d+", "maxClauses: 64"));
        kb.reloadConfig();
        InvalidQueryException e =
            assertThrows(
                InvalidQueryException.class, () -> kb.search().search(SearchRequest.of(many)));
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
      } finally {
        Files.writeString(limits, original);
        kb.reloadConfig();
      }
      kb.search().search(SearchRequest.of(many));
    }
  }
}
