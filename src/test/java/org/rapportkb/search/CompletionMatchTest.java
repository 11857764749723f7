package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionMatchTest {

  private static CompletionMatch title(String typed, String title) {
    return CompletionMatch.of(CompletionMatch.words(typed), title, false);
  }

  private static CompletionMatch alias(String typed, String alias) {
    return CompletionMatch.of(CompletionMatch.words(typed), alias, true);
  }

  @Test
  void wholeTitleBeatsEverything() {
    assertEquals(CompletionMatch.WHOLE_TITLE, title("empathy", "Empathy"));
    assertEquals(CompletionMatch.WHOLE_TITLE, title("EMPATHY VS SYMPATHY", "Empathy vs. sympathy"));
    for (CompletionMatch other : CompletionMatch.values()) {
      assertTrue(CompletionMatch.WHOLE_TITLE.compareTo(other) <= 0, other.name());
    }
  }

  @Test
  void aTitlePrefixBeatsAliasesAndWordsFurtherIn() {
    assertEquals(CompletionMatch.TITLE_PREFIX, title("emp", "Empathy"));
    assertEquals(CompletionMatch.TITLE_PREFIX, title("two-si", "Two-sided reflections"));
    assertEquals(
        CompletionMatch.WHOLE_ALIAS, alias("empathic understanding", "empathic understanding"));
    assertEquals(CompletionMatch.ALIAS_PREFIX, alias("emp", "empathic guess"));
    assertEquals(CompletionMatch.TITLE_WORDS, title("emp", "Advanced empathy"));
    assertEquals(CompletionMatch.ALIAS_WORDS, alias("emp", "cognitive empathy"));
    assertEquals(
        List.of(
            CompletionMatch.TITLE_PREFIX,
            CompletionMatch.WHOLE_ALIAS,
            CompletionMatch.ALIAS_PREFIX,
            CompletionMatch.TITLE_WORDS,
            CompletionMatch.ALIAS_WORDS),
        List.of(CompletionMatch.values()).subList(1, CompletionMatch.values().length));
  }

  @Test
  void onlyTheLastTypedWordMayBeUnfinished() {
    assertEquals(CompletionMatch.TITLE_PREFIX, title("empathy vs s", "Empathy vs. sympathy"));
    assertEquals(CompletionMatch.TITLE_WORDS, title("emp vs", "Empathy vs. sympathy"));
    assertEquals(CompletionMatch.TITLE_WORDS, title("sympathy", "Empathy vs. sympathy"));
  }
}
