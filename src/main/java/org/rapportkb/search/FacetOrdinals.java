package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;
import org.rapportkb.index.IndexFields;

/**
 * The module, level and tags of every document of one index reader, read once from doc values into
 * arrays of global ordinals, with the label of each ordinal: what counting a search's matches per
 * facet reads, instead of decoding doc values on every search.
 */
final class FacetOrdinals {
  private final String[] labels;
  private final int[] dimOf;
  private final Map<String, Integer>[] ordByValue;
  private final int[][] starts;
  private final int[][] ords;

  private FacetOrdinals(
      String[] labels,
      int[] dimOf,
      Map<String, Integer>[] ordByValue,
      int[][] starts,
      int[][] ords) {
    this.labels = labels;
    this.dimOf = dimOf;
    this.ordByValue = ordByValue;
    this.starts = starts;
    this.ords = ords;
  }

  /** The facet ordinals of {@code reader}, or null when no document in it has facets. */
  static FacetOrdinals read(IndexReader reader) throws IOException {
    if (!hasFacets(reader)) {
      return null;
    }
    List<LeafReaderContext> leaves = reader.leaves();
    SortedSetDocValues[] segments = new SortedSetDocValues[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      segments[leaf.ord] =
          DocValues.getSortedSet(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    }
    OrdinalMap map =
        segments.length == 1 ? null : OrdinalMap.build(null, segments, PackedInts.DEFAULT);
    int size = Math.toIntExact(map == null ? segments[0].getValueCount() : map.getValueCount());
    String[] labels = new String[size];
    int[] dimOf = new int[size];
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] ordByValue = new Map[IndexFields.FACET_DIMS.length];
    for (int d = 0; d < ordByValue.length; d++) {
      ordByValue[d] = new HashMap<>();
    }
    for (int ord = 0; ord < size; ord++) {
      BytesRef term =
          map == null
              ? segments[0].lookupOrd(ord)
              : segments[map.getFirstSegmentNumber(ord)].lookupOrd(map.getFirstSegmentOrd(ord));
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      int dim = dimIndex(path[0]);
      dimOf[ord] = dim;
      labels[ord] = path.length > 1 ? path[1] : "";
      if (dim >= 0) {
        ordByValue[dim].put(labels[ord], ord);
      }
    }
    int[][] starts = new int[leaves.size()][];
    int[][] ords = new int[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      int maxDoc = leaf.reader().maxDoc();
      int[] start = new int[maxDoc + 1];
      int[] values = new int[Math.max(16, maxDoc * 4)];
      int used = 0;
      SortedSetDocValues docValues =
          DocValues.getSortedSet(leaf.reader(), FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      LongValues toGlobal = map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
      int doc = docValues.nextDoc();
      for (int d = 0; d < maxDoc; d++) {
        start[d] = used;
        if (doc == d) {
          int count = docValues.docValueCount();
          if (used + count > values.length) {
            values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, used + count));
          }
          for (int i = 0; i < count; i++) {
            values[used++] = (int) toGlobal.get(docValues.nextOrd());
          }
          doc = docValues.nextDoc();
        }
      }
      start[maxDoc] = used;
      starts[leaf.ord] = start;
      ords[leaf.ord] = java.util.Arrays.copyOf(values, used);
      assert doc == DocIdSetIterator.NO_MORE_DOCS;
    }
    return new FacetOrdinals(labels, dimOf, ordByValue, starts, ords);
  }

  private static boolean hasFacets(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
        return true;
      }
    }
    return false;
  }

  /** The position of {@code dim} in {@link IndexFields#FACET_DIMS}, or -1. */
  static int dimIndex(String dim) {
    for (int d = 0; d < IndexFields.FACET_DIMS.length; d++) {
      if (IndexFields.FACET_DIMS[d].equals(dim)) {
        return d;
      }
    }
    return -1;
  }

  /** How many ordinals there are: the length of a counts array. */
  int size() {
    return labels.length;
  }

  /** The ordinal of {@code value} in dimension {@code dim}, or -1 when no document has it. */
  int ordinal(int dim, String value) {
    return ordByValue[dim].getOrDefault(value, -1);
  }

  /** The dimension of {@code ord}, an index into {@link IndexFields#FACET_DIMS}. */
  int dimOf(int ord) {
    return dimOf[ord];
  }

  /** The ordinals of the document {@code doc} of leaf {@code leaf}: from {@link #start}. */
  int[] ordinals(int leaf) {
    return ords[leaf];
  }

  /** Where the ordinals of {@code doc} start in {@link #ordinals}; they end at the next doc's. */
  int[] starts(int leaf) {
    return starts[leaf];
  }

  /**
   * The values of each dimension with their counts, most first (then by value), at most {@code
   * limit(dim)} per dimension, leaving out values nothing counted.
   */
  Map<String, List<FacetValue>> top(int[] counts, int[] limits) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (int d = 0; d < IndexFields.FACET_DIMS.length; d++) {
      List<Integer> counted = new ArrayList<>();
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0 && dimOf[ord] == d) {
          counted.add(ord);
        }
      }
      counted.sort(
          (a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : a - b);
      List<FacetValue> values = new ArrayList<>();
      for (int ord : counted.subList(0, Math.min(limits[d], counted.size()))) {
        values.add(new FacetValue(labels[ord], counts[ord]));
      }
      facets.put(IndexFields.FACET_DIMS[d], List.copyOf(values));
    }
    return Collections.unmodifiableMap(facets);
  }
}
