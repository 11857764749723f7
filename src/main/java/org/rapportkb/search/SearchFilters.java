package org.rapportkb.search;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.search.Query;
import org.rapportkb.index.IndexFields;

/** A search request's filters: its module, level and tag. */
final class SearchFilters {
  private SearchFilters() {}

  /** {@code base} narrowed to the request's category, level and tag. */
  static Query narrowed(Query base, SearchRequest request) {
    String[] values = values(request);
    if (values[0] == null && values[1] == null && values[2] == null) {
      return base;
    }
    DrillDownQuery drill = new DrillDownQuery(IndexFields.facetsConfig(), base);
    for (int d = 0; d < values.length; d++) {
      if (values[d] != null) {
        drill.add(IndexFields.FACET_DIMS[d], values[d]);
      }
    }
    return drill;
  }

  /** The request's filter values in the order of {@link IndexFields#FACET_DIMS}; null for any. */
  static String[] values(SearchRequest request) {
    String[] values = new String[IndexFields.FACET_DIMS.length];
    for (int d = 0; d < values.length; d++) {
      String value =
          switch (IndexFields.FACET_DIMS[d]) {
            case IndexFields.CATEGORY -> request.category();
            case IndexFields.LEVEL -> request.level();
            case IndexFields.TAG -> request.tag();
            default -> null;
          };
      values[d] = present(value) ? value : null;
    }
    return values;
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
