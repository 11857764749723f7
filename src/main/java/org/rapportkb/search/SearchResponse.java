package org.rapportkb.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a search, in the shape of the {@code /api/search} JSON.
 *
 * @param suggestion a corrected query when some words look misspelt, else null
 * @param partial true when the search ran out of time and holds only what was found until then
 * @param searched the words actually searched when the query as typed could not be read (its syntax
 *     was broken), else null
 * @param semantic whether meaning took part: {@code ready}, {@code building} (passages are still
 *     being embedded), {@code off} or {@code unavailable}
 */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    List<SearchHit> hits,
    Map<String, List<FacetValue>> facets,
    String suggestion,
    boolean partial,
    String searched,
    String semantic) {}
