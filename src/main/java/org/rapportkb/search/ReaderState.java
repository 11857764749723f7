package org.rapportkb.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.rapportkb.config.KbConfig;

/**
 * What the searches on one index reader share, built once when the reader opens: the facet
 * ordinals, the highlighter and the views with only articles live; and, for the config in use, the
 * spelling corrector and the answers kept for searches asked again.
 */
final class ReaderState {
  private final IndexReader reader;
  private final MatchCounter counter;
  private final Snippets snippets;
  private final ArticleViews views;

  /** The part that depends on the config too; replaced when the config changes. */
  private ConfigBound bound;

  /** The spelling corrector and kept answers for one config on this reader. */
  record ConfigBound(KbConfig config, SpellingCorrector spelling, ResultCache results) {}

  /**
   * @param analyzer the analyzer articles were indexed with, for highlighting
   */
  ReaderState(IndexReader reader, Analyzer analyzer) throws IOException {
    this.reader = reader;
    FacetOrdinals ordinals = FacetOrdinals.read(reader);
    this.counter = ordinals == null ? null : new MatchCounter(ordinals);
    this.snippets = new Snippets(new IndexSearcher(reader), analyzer);
    if (!(reader instanceof DirectoryReader directory)) {
      throw new IllegalArgumentException("searches run on a directory reader");
    }
    this.views = ArticleViews.of(directory);
  }

  /** The reader with only published articles live, or every article when {@code drafts}. */
  DirectoryReader articles(boolean drafts) {
    return views.view(drafts);
  }

  /** Counts matches and facets; null when no article is indexed. */
  MatchCounter counter() {
    return counter;
  }

  Snippets snippets() {
    return snippets;
  }

  /** The spelling corrector and kept answers for {@code config}, made once per config. */
  synchronized ConfigBound forConfig(KbConfig config) {
    if (bound == null || bound.config() != config) {
      bound =
          new ConfigBound(
              config,
              new SpellingCorrector(reader, config.vocabulary()),
              new ResultCache(config.limits().cachedSearches()));
    }
    return bound;
  }
}
