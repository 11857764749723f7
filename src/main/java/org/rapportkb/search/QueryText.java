package org.rapportkb.search;

import java.util.Locale;
import java.util.regex.Pattern;

/** Readings of what a trainee typed: as plain words, and as text to search by meaning. */
final class QueryText {
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
  private static final Pattern SYNTAX_CHARACTER =
      Pattern.compile("[*?()\\[\\]{}\"'/\\\\+\\-!:^~&|]");
  private static final Pattern OPERATOR = Pattern.compile("\\b(AND|OR|NOT)\\b");
  private static final Pattern EDGE_APOSTROPHES = Pattern.compile("(^|\\s)'+|'+(\\s|$)");
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /** Field names, exclusions, wildcards and fuzzy marks: a query for words, not for meaning. */
  private static final Pattern WORD_SYNTAX =
      Pattern.compile("\\w:|(^|\\s)[-+!]|\\bNOT\\b|[*?~]|&&|\\|\\|");

  private QueryText() {}

  /** The words of {@code query} with every syntax character and operator dropped. */
  static String plainWords(String query) {
    String words = NOT_WORD.matcher(query).replaceAll(" ");
    words = OPERATOR.matcher(words).replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    words = EDGE_APOSTROPHES.matcher(words).replaceAll(" ");
    return WHITE_SPACE.matcher(words).replaceAll(" ").strip();
  }

  /** Whether {@code query} is made of search syntax alone ({@code *}, {@code -}, quotes...). */
  static boolean isOnlySyntax(String query) {
    return plainWords(query).isEmpty() && SYNTAX_CHARACTER.matcher(query).find();
  }

  /**
   * The text to search by meaning, or null for a query that asks for words: one restricted to a
   * field, excluding words, or using wildcards or fuzzy marks.
   */
  static String forMeaning(String query) {
    if (WORD_SYNTAX.matcher(query).find()) {
      return null;
    }
    String words = plainWords(query);
    return words.isEmpty() ? null : words;
  }
}
