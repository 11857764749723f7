package org.rapportkb.search;

import java.util.Locale;
import java.util.Set;

/**
 * Tells an alias that is a list of keywords from one that is a name someone would type, so that
 * search-as-you-type offers only names (every alias still counts for search).
 *
 * <p>The rule: an alias is a keyword list when three or more words in a row have the same form, all
 * {@code -ing} words ("engaging focusing evoking planning") or all plurals ("open questions
 * affirmations reflections summaries"). Names seldom stack three such words: "hearing voices",
 * "child protective services report" and "ending counseling" stay names. A joining word (and, of,
 * to, ...) breaks a run. Hyphenated words count as one word.
 */
final class KeywordList {
  private static final int RUN = 3;
  private static final Set<String> JOINING_WORDS =
      Set.of(
          "a", "an", "the", "and", "or", "nor", "but", "not", "of", "to", "in", "on", "at", "by",
          "for", "with", "from", "into", "about", "through", "between", "vs", "versus", "as", "is",
          "was", "has", "does", "this", "his", "hers", "its", "ours", "yours", "theirs", "us");

  private KeywordList() {}

  /** Whether {@code alias} is a list of keywords rather than a name (see the class comment). */
  static boolean isKeywordList(String alias) {
    Form previous = Form.OTHER;
    int run = 0;
    for (String word : alias.toLowerCase(Locale.ROOT).split("[\\s,;/]+")) {
      Form form = Form.of(word.replaceAll("[^\\p{L}\\p{N}'-]", ""));
      run = form != Form.OTHER && form == previous ? run + 1 : 1;
      previous = form;
      if (form != Form.OTHER && run >= RUN) {
        return true;
      }
    }
    return false;
  }

  /** The forms a run of list words shares. */
  private enum Form {
    ING,
    PLURAL,
    OTHER;

    static Form of(String word) {
      if (JOINING_WORDS.contains(word)) {
        return OTHER;
      }
      if (word.length() >= 5 && word.endsWith("ing")) {
        return ING;
      }
      boolean plural =
          word.length() >= 4
              && word.endsWith("s")
              && !word.endsWith("ss")
              && !word.endsWith("us")
              && !word.endsWith("is")
              && !word.endsWith("'s");
      return plural ? PLURAL : OTHER;
    }
  }
}
