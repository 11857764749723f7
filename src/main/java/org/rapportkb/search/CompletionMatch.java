package org.rapportkb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.rapportkb.index.WordAnalyzer;

/**
 * How a title or alias matches what was typed, best first: the order in which search-as-you-type
 * lists its suggestions. The whole title beats everything, a title that starts with the typed words
 * beats any alias, and words found further in come last. Words are compared as the completions are
 * indexed ({@link WordAnalyzer}: lowercase, punctuation dropped), the last typed word as the start
 * of a word.
 */
enum CompletionMatch {
  WHOLE_TITLE,
  TITLE_PREFIX,
  WHOLE_ALIAS,
  ALIAS_PREFIX,
  TITLE_WORDS,
  ALIAS_WORDS;

  /** How {@code text}, a title or an alias, matches the words typed so far. */
  static CompletionMatch of(List<String> typedWords, String text, boolean alias) {
    List<String> words = words(text);
    if (typedWords.equals(words)) {
      return alias ? WHOLE_ALIAS : WHOLE_TITLE;
    }
    if (startsWith(words, typedWords)) {
      return alias ? ALIAS_PREFIX : TITLE_PREFIX;
    }
    return alias ? ALIAS_WORDS : TITLE_WORDS;
  }

  /** The words of {@code text} as the completions compare them. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = WordAnalyzer.INSTANCE.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read words from a string", e);
    }
    return words;
  }

  private static boolean startsWith(List<String> words, List<String> typed) {
    if (typed.isEmpty() || typed.size() > words.size()) {
      return false;
    }
    int last = typed.size() - 1;
    return words.subList(0, last).equals(typed.subList(0, last))
        && words.get(last).startsWith(typed.get(last));
  }
}
