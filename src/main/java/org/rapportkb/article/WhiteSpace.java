package org.rapportkb.article;

/**
 * Runs of white space collapsed to one space without a regular expression, for text read from every
 * article. White space is what {@code \s} matches in a Java regular expression: space, tab, line
 * feed, vertical tab, form feed and carriage return.
 */
final class WhiteSpace {
  private WhiteSpace() {}

  /** The same as {@code text.replaceAll("\\s+", " ")}, and {@code text} itself when unchanged. */
  static String collapse(String text) {
    int length = text.length();
    int from = 0;
    while (from < length && !changesAt(text, from)) {
      from++;
    }
    if (from == length) {
      return text;
    }
    StringBuilder out = new StringBuilder(length).append(text, 0, from);
    int i = from;
    while (i < length) {
      char c = text.charAt(i++);
      if (isSpace(c)) {
        out.append(' ');
        while (i < length && isSpace(text.charAt(i))) {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether the characters at {@code at} must change: any white space but a lone space. */
  private static boolean changesAt(String text, int at) {
    char c = text.charAt(at);
    if (c == ' ') {
      return at + 1 < text.length() && isSpace(text.charAt(at + 1));
    }
    return isSpace(c);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
