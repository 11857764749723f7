package org.rapportkb.search;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A query as parsed, forgiving broken syntax: input the query syntax cannot read ({@code
 * feel/think}, {@code rapport AND}, an unclosed quote or parenthesis) is searched as its plain
 * words, and the answer says so. Only a query with no words left is refused.
 *
 * @param searched what was searched: the query as typed, or its plain words
 */
record ForgivingParse(Query query, String searched) {

  /** An empty query: every article, listed. */
  static ForgivingParse listing() {
    return new ForgivingParse(new MatchAllDocsQuery(), "");
  }

  static ForgivingParse of(String typed, KbQueryParser parser) {
    if (QueryText.isOnlySyntax(typed)) {
      throw new InvalidQueryException(
          "there are no words to search for; type what you are looking for", null);
    }
    try {
      return new ForgivingParse(orNothing(parser.parse(typed)), typed);
    } catch (ParseException | TokenMgrError | StackOverflowError e) {
      if (e.getCause() instanceof IndexSearcher.TooManyClauses tooMany) {
        throw tooMany; // well-formed, only too big: plain words would be just as big
      }
      String plain = QueryText.plainWords(typed);
      try {
        return new ForgivingParse(orNothing(parser.parse(plain)), plain);
      } catch (ParseException | TokenMgrError | StackOverflowError again) {
        throw new InvalidQueryException(
            "cannot read the query; try fewer special characters", null);
      }
    }
  }

  private static Query orNothing(Query parsed) {
    return parsed == null ? new MatchNoDocsQuery() : parsed;
  }
}
