package org.rapportkb.search;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.rapportkb.index.IndexFields;

/**
 * Counts what a search matches, without scoring: the number of articles, and per facet dimension
 * the articles of each value. A filtered dimension is counted as if its own filter were off
 * (drill-sideways), so the other values stay visible beside the chosen one. One pass over the
 * matches, reading the facets from the reader's {@link FacetOrdinals}.
 */
final class MatchCounter {
  private static final int[] LIMITS = limits();

  /** A dimension without a filter. */
  private static final int ANY = -1;

  /** A filter on a value no document has: nothing passes it. */
  private static final int ABSENT = -2;

  private final FacetOrdinals ordinals;

  MatchCounter(FacetOrdinals ordinals) {
    this.ordinals = ordinals;
  }

  private static int[] limits() {
    int[] limits = new int[IndexFields.FACET_DIMS.length];
    for (int d = 0; d < limits.length; d++) {
      limits[d] = IndexFields.FACET_DIMS[d].equals(IndexFields.TAG) ? 30 : 50;
    }
    return limits;
  }

  /** What {@link #count} found. */
  record Counts(long total, Map<String, List<FacetValue>> facets) {}

  /**
   * @param matching what the search matches, without its facet filters
   * @param filters the value asked for per dimension of {@link IndexFields#FACET_DIMS}, null for
   *     any
   */
  Counts count(IndexSearcher searcher, Query matching, String[] filters) throws IOException {
    int[] wanted = new int[IndexFields.FACET_DIMS.length];
    for (int d = 0; d < wanted.length; d++) {
      if (filters[d] == null) {
        wanted[d] = ANY;
      } else {
        int ord = ordinals.ordinal(d, filters[d]);
        wanted[d] = ord < 0 ? ABSENT : ord;
      }
    }
    Tally tally = searcher.search(new ConstantScoreQuery(matching), new Tallies(wanted));
    return new Counts(tally.total, ordinals.top(tally.counts, LIMITS));
  }

  static Map<String, List<FacetValue>> noFacets() {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : IndexFields.FACET_DIMS) {
      facets.put(dim, List.of());
    }
    return Collections.unmodifiableMap(facets);
  }

  /** One tally per slice of the index, summed at the end. */
  private final class Tallies implements CollectorManager<Tally, Tally> {
    private final int[] wanted;

    Tallies(int[] wanted) {
      this.wanted = wanted;
    }

    @Override
    public Tally newCollector() {
      return new Tally(wanted, new int[ordinals.size()]);
    }

    @Override
    public Tally reduce(Collection<Tally> tallies) {
      Tally sum = newCollector();
      for (Tally tally : tallies) {
        sum.total += tally.total;
        for (int ord = 0; ord < sum.counts.length; ord++) {
          sum.counts[ord] += tally.counts[ord];
        }
      }
      return sum;
    }
  }

  /** Counts the documents that pass every filter, and each dimension's values drill-sideways. */
  private final class Tally extends SimpleCollector {
    private final int[] wanted;
    private final int[] counts;
    private long total;
    private int[] starts;
    private int[] ords;

    Tally(int[] wanted, int[] counts) {
      this.wanted = wanted;
      this.counts = counts;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      starts = ordinals.starts(context.ord);
      ords = ordinals.ordinals(context.ord);
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public void collect(int doc) {
      int from = starts[doc];
      int to = starts[doc + 1];
      int missed = 0;
      int missedDim = -1;
      for (int d = 0; d < wanted.length; d++) {
        if (wanted[d] != ANY && !has(from, to, wanted[d])) {
          missed++;
          missedDim = d;
        }
      }
      if (missed == 0) {
        total++;
        for (int i = from; i < to; i++) {
          counts[ords[i]]++;
        }
      } else if (missed == 1) {
        for (int i = from; i < to; i++) {
          if (ordinals.dimOf(ords[i]) == missedDim) {
            counts[ords[i]]++;
          }
        }
      }
    }

    private boolean has(int from, int to, int ord) {
      for (int i = from; i < to; i++) {
        if (ords[i] == ord) {
          return true;
        }
      }
      return false;
    }
  }
}
