package org.rapportkb.search;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.rapportkb.index.IndexFields;

/**
 * Replaces words that occur in no article with the closest word that does, using the index's own
 * terms ({@link DirectSpellChecker} over the unstemmed words field).
 */
final class SpellingCorrector {
  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}']*");
  private static final Set<String> OPERATORS = Set.of("and", "or", "not", "to");

  private final DirectSpellChecker checker = new DirectSpellChecker();
  private final IndexReader reader;
  private final Set<String> vocabulary;

  SpellingCorrector(IndexReader reader, Set<String> vocabulary) {
    this.reader = reader;
    this.vocabulary = vocabulary;
    checker.setMinQueryLength(4);
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
  }

  /** The text with each unknown word replaced by its correction; the text itself if none. */
  String correct(String text) {
    Matcher matcher = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(correctWord(matcher.group())));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Whether the words field holds {@code word} (lowercased) in some article. */
  boolean isKnown(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.length() < 3 || vocabulary.contains(lower) || OPERATORS.contains(lower)) {
      return true;
    }
    try {
      return reader.docFreq(new Term(IndexFields.SPELL, lower)) > 0;
    } catch (IOException e) {
      return true;
    }
  }

  private String correctWord(String word) {
    if (isKnown(word)) {
      return word;
    }
    try {
      SuggestWord[] suggestions =
          checker.suggestSimilar(
              new Term(IndexFields.SPELL, word.toLowerCase(Locale.ROOT)),
              1,
              reader,
              SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
      return suggestions.length == 0 ? word : suggestions[0].string;
    } catch (IOException e) {
      return word;
    }
  }
}
