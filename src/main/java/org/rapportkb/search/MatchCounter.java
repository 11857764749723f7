package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.rapportkb.index.IndexFields;

/**
 * Counts what a search matches, without scoring: the number of articles, and per facet dimension
 * the articles of each value. A filtered dimension is counted as if its own filter were off
 * (drill-sideways), so the other values stay visible beside the chosen one.
 */
final class MatchCounter {
  private static final int TAG_FACETS = 30;
  private static final int OTHER_FACETS = 50;

  private final FacetsConfig facetsConfig;
  private final SortedSetDocValuesReaderState state;

  MatchCounter(FacetsConfig facetsConfig, SortedSetDocValuesReaderState state) {
    this.facetsConfig = facetsConfig;
    this.state = state;
  }

  /** What {@link #count} found. */
  record Counts(long total, Map<String, List<FacetValue>> facets) {}

  /**
   * @param matching the search as a constant-score query with its filters
   */
  Counts count(IndexSearcher searcher, DrillDownQuery matching) throws IOException {
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
    DrillSideways.ConcurrentDrillSidewaysResult<Integer> result =
        sideways.search(matching, new TotalHitCountCollectorManager(searcher.getSlices()));
    return new Counts(result.collectorResult, facets(result.facets));
  }

  static Map<String, List<FacetValue>> noFacets() {
    return Collections.unmodifiableMap(emptyDims());
  }

  private static Map<String, List<FacetValue>> emptyDims() {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : IndexFields.FACET_DIMS) {
      facets.put(dim, List.of());
    }
    return facets;
  }

  private static Map<String, List<FacetValue>> facets(Facets counted) throws IOException {
    Map<String, List<FacetValue>> facets = emptyDims();
    for (String dim : IndexFields.FACET_DIMS) {
      FacetResult counts;
      try {
        counts =
            counted.getTopChildren(dim.equals(IndexFields.TAG) ? TAG_FACETS : OTHER_FACETS, dim);
      } catch (IllegalArgumentException e) {
        counts = null;
      }
      if (counts == null) {
        continue;
      }
      List<FacetValue> values = new ArrayList<>();
      for (LabelAndValue label : counts.labelValues) {
        values.add(new FacetValue(label.label, label.value.intValue()));
      }
      facets.put(dim, List.copyOf(values));
    }
    return Collections.unmodifiableMap(facets);
  }
}
