package org.rapportkb.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchRequest;

/**
 * The search-quality regression set: trainee-style queries over the bundled curriculum, each with
 * the article that should come first. Reports the share found first and in the top three.
 */
class RegressionSetIT {
  static final Path QUERIES = Path.of("src", "test", "resources", "regression", "queries.tsv");
  static final double MIN_FIRST = 0.78;
  static final double MIN_TOP_THREE = 0.9;

  record Case(String query, String expected) {}

  static List<Case> cases() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(QUERIES)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      cases.add(new Case(parts[0], parts[1]));
    }
    return cases;
  }

  /** The bundled articles and config, indexed into {@code dir}. */
  static KnowledgeBase openBundled(Path dir) throws Exception {
    KnowledgeBase kb =
        KnowledgeBase.open(
            new KnowledgeBase.Paths(
                Path.of("articles"), Path.of("index-config"), dir.resolve("index")));
    kb.sync(false, ProgressListener.NONE);
    // Every passage embedded before the first search, so ranking never depends on how far the
    // background embedding has got.
    kb.embedPassages(ProgressListener.NONE);
    return kb;
  }

  @Test
  void realWordsAreNotCorrectedIntoOtherWords(@TempDir Path dir) throws Exception {
    try (KnowledgeBase kb = openBundled(dir)) {
      assertEquals(null, kb.search().search(SearchRequest.of("sibling")).suggestion());
      assertEquals("empathy", kb.search().search(SearchRequest.of("emphathy")).suggestion());
      assertEquals(
          "reflective listening",
          kb.search().search(SearchRequest.of("reflexive listening")).suggestion());
    }
  }

  @Test
  void acronymsInCapitalsAndEncouragersAsTheySound(@TempDir Path dir) throws Exception {
    try (KnowledgeBase kb = openBundled(dir)) {
      assertEquals("feedback-informed-care", first(kb, "FIT"));
      assertTrue(
          kb.search().search(SearchRequest.of("the homework doesn't fit her week")).hits().stream()
              .limit(3)
              .noneMatch(h -> h.article().slug().equals("feedback-informed-care")),
          "a lowercase 'fit' is an ordinary word");
      for (String sound : List.of("mmhmm", "mm-hmm", "uh huh")) {
        assertEquals("minimal-encouragers", first(kb, sound), sound);
      }
    }
  }

  private static String first(KnowledgeBase kb, String query) throws Exception {
    return kb.search().search(SearchRequest.of(query)).hits().get(0).article().slug();
  }

  @Test
  void trainesFindTheRightTechniqueFirst(@TempDir Path dir) throws Exception {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 40, "the set needs at least 40 queries");
    int first = 0;
    int topThree = 0;
    List<String> misses = new ArrayList<>();
    try (KnowledgeBase kb = openBundled(dir)) {
      for (Case c : cases) {
        List<String> slugs =
            kb.search().search(SearchRequest.of(c.query())).hits().stream()
                .map(h -> h.article().slug())
                .toList();
        int rank = slugs.indexOf(c.expected());
        if (rank == 0) {
          first++;
        } else {
          misses.add(
              String.format(
                  "%-70s want %-34s got %s",
                  c.query(), c.expected(), slugs.subList(0, Math.min(3, slugs.size()))));
        }
        if (rank >= 0 && rank < 3) {
          topThree++;
        }
      }
    }
    double firstShare = (double) first / cases.size();
    double topThreeShare = (double) topThree / cases.size();
    System.out.printf(
        "regression set: %d queries, %.1f%% first, %.1f%% in the top three%n",
        cases.size(), firstShare * 100, topThreeShare * 100);
    misses.forEach(m -> System.out.println("  not first: " + m));
    assertTrue(
        firstShare >= MIN_FIRST,
        String.format("only %.1f%% first:%n%s", firstShare * 100, String.join("\n", misses)));
    assertTrue(
        topThreeShare >= MIN_TOP_THREE,
        String.format("only %.1f%% in the top three", topThreeShare * 100));
  }
}
