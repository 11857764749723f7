package org.rapportkb.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The query with its misspelled words corrected, offered as "did you mean". */
final class DidYouMean {
  /** A word outside field names ({@code title:}) and wildcard or fuzzy terms. */
  private static final Pattern CORRECTABLE_WORD =
      Pattern.compile("\\b\\p{L}[\\p{L}']*+(?!\\s*:)(?![*~?])");

  private DidYouMean() {}

  /** The corrected query, or null when every word is spelled as the articles spell it. */
  static String suggestion(String query, SpellingCorrector spelling) {
    String corrected = correctOutsideFields(query, spelling);
    return corrected.equalsIgnoreCase(query) ? null : corrected;
  }

  /** Corrects each run of words, leaving field names ({@code title:}) and operators alone. */
  private static String correctOutsideFields(String query, SpellingCorrector spelling) {
    StringBuilder out = new StringBuilder();
    Matcher matcher = CORRECTABLE_WORD.matcher(query);
    int last = 0;
    while (matcher.find()) {
      String word = matcher.group();
      boolean operator = word.equals("AND") || word.equals("OR") || word.equals("NOT");
      out.append(query, last, matcher.start()).append(operator ? word : spelling.correct(word));
      last = matcher.end();
    }
    return out.append(query.substring(last)).toString();
  }
}
