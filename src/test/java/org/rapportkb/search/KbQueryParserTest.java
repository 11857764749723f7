package org.rapportkb.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.rapportkb.IndexedFixture;

/** How the query parser bounds what one query may cost. */
class KbQueryParserTest extends IndexedFixture {
  @Test
  void onlyAFewUnknownWordsAreMatchedFuzzily() throws Exception {
    try (var reader = DirectoryReader.open(FSDirectory.open(kb.paths().index()))) {
      var parser =
          new KbQueryParser(
              kb.config().queryAnalyzer(),
              kb.config().boosts(),
              new SpellingCorrector(reader, kb.config().vocabulary()).forOneSearch(null));
      Query query = parser.parse("zorblax quimbly fezzwick glorpen snarfle wuggles blinter");
      AtomicInteger fuzzy = new AtomicInteger();
      query.visit(
          new QueryVisitor() {
            @Override
            public void visitLeaf(Query leaf) {
              if (leaf instanceof FuzzyQuery) {
                fuzzy.incrementAndGet();
              }
            }

            @Override
            public QueryVisitor getSubVisitor(
                org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
              return this;
            }
          });
      int fields = kb.config().boosts().size();
      assertTrue(fuzzy.get() > 0, "unknown words are still matched fuzzily");
      assertTrue(
          fuzzy.get() <= KbQueryParser.MAX_FUZZY_WORDS * fields,
          fuzzy.get() + " fuzzy clauses for seven unknown words");
    }
  }
}
