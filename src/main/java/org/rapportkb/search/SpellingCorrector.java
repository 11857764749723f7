package org.rapportkb.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeout;
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

  private final DirectSpellChecker checker;
  private final IndexReader reader;
  private final Set<String> vocabulary;
  private final Map<String, String> corrected;

  /** When the search this corrector serves must stop looking; null for never. */
  private final QueryTimeout timeout;

  SpellingCorrector(IndexReader reader, Set<String> vocabulary) {
    this(newChecker(), reader, vocabulary, null, null);
  }

  private SpellingCorrector(
      DirectSpellChecker checker,
      IndexReader reader,
      Set<String> vocabulary,
      Map<String, String> corrected,
      QueryTimeout timeout) {
    this.checker = checker;
    this.timeout = timeout;
    this.reader = reader;
    this.vocabulary = vocabulary;
    this.corrected = corrected;
  }

  private static DirectSpellChecker newChecker() {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(4);
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
    // Two edits in a short word make another word ("sibling" is not a typo of "sitting"): a
    // correction must keep at least three quarters of the word.
    checker.setAccuracy(0.75f);
    return checker;
  }

  /**
   * A corrector for one search, on one thread: it remembers its corrections, since parsing the
   * query and suggesting a corrected one both ask for the same words.
   */
  SpellingCorrector forOneSearch(QueryTimeout timeout) {
    return new SpellingCorrector(checker, reader, vocabulary, new HashMap<>(), timeout);
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
    if (corrected == null) {
      return lookUp(word);
    }
    return corrected.computeIfAbsent(word, this::lookUp);
  }

  private String lookUp(String word) {
    if (isKnown(word) || (timeout != null && timeout.shouldExit())) {
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
