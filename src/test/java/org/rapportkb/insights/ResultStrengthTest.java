package org.rapportkb.insights;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchResponse;

class ResultStrengthTest {
  private static SearchResponse best(float lexical, float semanticShare, String semantic) {
    SearchHit hit =
        new SearchHit(
            new ArticleSummary("a", "A", "", "c", "foundation", List.of(), null),
            "/articles/a",
            1f,
            "",
            new SearchHit.PassageRef("What it is", "/articles/a#what-it-is"),
            new SearchHit.ScoreParts(lexical, 1f, 0.4f, semanticShare, 1f));
    return new SearchResponse("q", 1, 1, 10, List.of(hit), Map.of(), null, false, null, semantic);
  }

  @Test
  void aFewBodyWordsFarInMeaningAreWeak() {
    assertTrue(ResultStrength.isWeak(best(0.9f, 0f, "ready")), "tax returns");
    assertTrue(ResultStrength.isWeak(best(1.24f, 0.13f, "ready")), "supervision");
  }

  @Test
  void aStrongWordMatchOrACloseMeaningIsNot() {
    assertFalse(ResultStrength.isWeak(best(166f, 0f, "ready")), "SOLER, an alias");
    assertFalse(ResultStrength.isWeak(best(1.4f, 0.37f, "ready")), "silence");
  }

  @Test
  void withoutMeaningNothingIsCalledWeak() {
    assertFalse(ResultStrength.isWeak(best(0.9f, 0f, "off")));
    assertFalse(ResultStrength.isWeak(best(0.9f, 0f, "building")));
    assertFalse(
        ResultStrength.isWeak(
            new SearchResponse("q", 0, 1, 10, List.of(), Map.of(), null, false, null, "ready")));
  }
}
