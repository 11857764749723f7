package org.rapportkb.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search, in the shape of the {@code /api/search} JSON.
 *
 * @param suggestion a corrected query when some words look misspelt, else null
 * @param partial true when the search ran out of time and holds only what was found until then
 */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    List<SearchHit> hits,
    Map<String, List<FacetValue>> facets,
    String suggestion,
    boolean partial) {}
