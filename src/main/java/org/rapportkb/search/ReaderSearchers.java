package org.rapportkb.search;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Makes the searchers a {@link org.apache.lucene.search.SearcherManager} hands out, each with the
 * {@link ReaderState} of its reader built before any search can see it.
 */
public final class ReaderSearchers extends SearcherFactory {
  private final Supplier<Analyzer> analyzer;

  /**
   * @param analyzer the analyzer articles are indexed with, for highlighting
   */
  public ReaderSearchers(Supplier<Analyzer> analyzer) {
    this.analyzer = analyzer;
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
      throws IOException {
    return new StatefulSearcher(reader, new ReaderState(reader, analyzer.get()));
  }

  /** The state of {@code searcher}'s reader: its own, or built now for a plain searcher. */
  static ReaderState stateOf(IndexSearcher searcher, Analyzer analyzer) throws IOException {
    if (searcher instanceof StatefulSearcher stateful) {
      return stateful.state;
    }
    return new ReaderState(searcher.getIndexReader(), analyzer);
  }

  /** A searcher that carries its reader's state. */
  private static final class StatefulSearcher extends IndexSearcher {
    private final ReaderState state;

    StatefulSearcher(IndexReader reader, ReaderState state) {
      super(reader);
      this.state = state;
    }
  }
}
