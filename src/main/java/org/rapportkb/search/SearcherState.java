package org.rapportkb.search;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.IndexFields;

/**
 * What is worth computing once per index reader rather than per search: the facet ordinals and
 * the spelling corrector.
 */
final class SearcherState {
  private final IndexReader reader;
  private final SortedSetDocValuesReaderState facets;
  private final SpellingCorrector spelling;
  private final KbConfig config;

  private SearcherState(IndexReader reader, KbConfig config) throws IOException {
    this.reader = reader;
    this.config = config;
    this.facets = hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, IndexFields.facetsConfig()) : null;
    this.spelling = new SpellingCorrector(reader, config.vocabulary());
  }

  private static boolean hasFacets(IndexReader reader) {
    for (var leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(org.apache.lucene.facet.FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
        return true;
      }
    }
    return false;
  }

  /** The state for {@code reader}: {@code previous} when it still fits, else a new one. */
  static SearcherState forReader(SearcherState previous, IndexReader reader, KbConfig config)
      throws IOException {
    if (previous != null && previous.reader == reader && previous.config == config) {
      return previous;
    }
    return new SearcherState(reader, config);
  }

  /** Facet ordinals, or null when no article is indexed. */
  SortedSetDocValuesReaderState facets() {
    return facets;
  }

  SpellingCorrector spelling() {
    return spelling;
  }
}
