package org.rapportkb.search;

import org.rapportkb.config.QueryLimits;

/** Checks a raw query against the limits before any parsing happens, in linear time. */
final class QueryGuard {
  private QueryGuard() {}

  /**
   * Returns the query with control characters turned into spaces, or throws if it breaks a limit.
   */
  static String clean(String query, QueryLimits limits) {
    if (query == null) {
      return "";
    }
    if (query.length() > limits.maxQueryLength()) {
      throw new InvalidQueryException(
          "the query is too long ("
              + query.length()
              + " characters; at most "
              + limits.maxQueryLength()
              + ")");
    }
    StringBuilder cleaned = new StringBuilder(query.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (Character.isISOControl(c)) {
        cleaned.append(' ');
        continue;
      }
      if (c == '"' && (i == 0 || query.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
        if (depth > limits.maxNesting()) {
          throw new InvalidQueryException(
              "the query nests parentheses more than " + limits.maxNesting() + " deep");
        }
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
      cleaned.append(c);
    }
    return cleaned.toString().strip();
  }
}
