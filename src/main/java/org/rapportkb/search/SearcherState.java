package org.rapportkb.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.IndexFields;

/**
 * What is worth computing once per index reader rather than per search: the facet ordinals, the
 * spelling corrector, the highlighter, the match counter, and the answers to recent searches.
 */
final class SearcherState {
  private final IndexReader reader;
  private final MatchCounter counter;
  private final SpellingCorrector spelling;
  private final Snippets snippets;
  private final ResultCache results;
  private final KbConfig config;

  private SearcherState(IndexSearcher searcher, KbConfig config, Analyzer analyzer)
      throws IOException {
    this.reader = searcher.getIndexReader();
    this.config = config;
    FacetsConfig facetsConfig = IndexFields.facetsConfig();
    this.counter =
        hasFacets(reader)
            ? new MatchCounter(
                facetsConfig, new DefaultSortedSetDocValuesReaderState(reader, facetsConfig))
            : null;
    this.spelling = new SpellingCorrector(reader, config.vocabulary());
    this.snippets = new Snippets(searcher, analyzer);
    this.results = new ResultCache(config.limits().cachedSearches());
  }

  private static boolean hasFacets(IndexReader reader) {
    for (var leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The state for {@code searcher}: {@code previous} when it still fits, else a new one.
   *
   * @param analyzer the analyzer articles were indexed with, for highlighting
   */
  static SearcherState forSearcher(
      SearcherState previous, IndexSearcher searcher, KbConfig config, Analyzer analyzer)
      throws IOException {
    if (previous != null
        && previous.reader == searcher.getIndexReader()
        && previous.config == config) {
      return previous;
    }
    return new SearcherState(searcher, config, analyzer);
  }

  /**
   * Counts matches and facets (with ordinals read once per reader); null when no article is
   * indexed.
   */
  MatchCounter counter() {
    return counter;
  }

  SpellingCorrector spelling() {
    return spelling;
  }

  Snippets snippets() {
    return snippets;
  }

  /** The config this state was built for. */
  KbConfig config() {
    return config;
  }

  /** Answers given on this reader with this config: still right until either changes. */
  ResultCache results() {
    return results;
  }
}
