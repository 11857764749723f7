package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordListTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "engaging focusing evoking planning",
        "open questions affirmations reflections summaries",
        "Listening Reflecting Summarizing",
        "feelings, thoughts, behaviours"
      })
  void threeWordsOfOneFormInARowAreAList(String alias) {
    assertTrue(KeywordList.isKeywordList(alias), alias);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cognitive empathy",
        "hearing voices",
        "ending counseling",
        "child protective services report",
        "Truax accurate empathy scale",
        "Linehan's six levels of validation",
        "talking to someone who hears voices",
        "open questions affirmations",
        "repeating and rephrasing",
        "clients reading their records",
        "this is us",
        "crisis status process plans",
        "DARN-CAT"
      })
  void namesAreNotLists(String alias) {
    assertFalse(KeywordList.isKeywordList(alias), alias);
  }
}
