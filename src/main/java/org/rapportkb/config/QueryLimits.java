package org.rapportkb.config;

/**
 * Bounds on what one search may ask for, and on how many answers the server keeps.
 *
 * @param maxQueryLength longest accepted query text, in characters
 * @param maxPageSize largest page size a client may request
 * @param resultWindow deepest result (page times size) a client may page to
 * @param timeoutMillis time after which a search stops and returns what it found so far
 * @param maxClauses most clauses a parsed query may hold
 * @param maxNesting deepest parenthesis nesting a query may use
 * @param cachedSearches how many answers are kept for searches asked again before the index or the
 *     config changes; 0 keeps none
 */
public record QueryLimits(
    int maxQueryLength,
    int maxPageSize,
    int resultWindow,
    long timeoutMillis,
    int maxClauses,
    int maxNesting,
    int cachedSearches) {

  /** Limits used when {@code limits.yml} leaves a value out. */
  public static final QueryLimits DEFAULTS = new QueryLimits(500, 50, 1000, 2000, 1024, 20, 500);
}
