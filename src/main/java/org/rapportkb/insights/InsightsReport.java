package org.rapportkb.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the search log says about the curriculum: the queries searched most often, those that found
 * nothing or only a weak answer, and those whose results nobody opened.
 *
 * @param since the first day the report covers, {@code yyyy-mm-dd}
 * @param searches how many searches the log holds since then
 * @param opened how many of them had a result opened
 * @param queries how many different queries they were
 * @param frequent the queries searched most often, most first
 * @param unanswered the queries whose latest search found nothing or only a weak answer
 * @param unopened the other queries whose results were never opened
 */
public record InsightsReport(
    String since,
    int searches,
    int opened,
    int queries,
    List<QueryStats> frequent,
    List<QueryStats> unanswered,
    List<QueryStats> unopened) {

  /**
   * One query (compared without regard to case and spacing) and its searches.
   *
   * @param searches how often it was searched
   * @param opened how many of those searches had a result opened
   * @param total how many results its latest search found
   * @param top the best result of its latest search, or null
   * @param weak whether the best result of its latest search was a weak answer
   */
  public record QueryStats(
      String query, int searches, int opened, long total, String top, boolean weak) {
    /** "no results", "weak results" or "answered": how its latest search went. */
    public String outcome() {
      return total == 0 ? "no results" : weak ? "weak results" : "answered";
    }

    boolean unanswered() {
      return total == 0 || weak;
    }
  }

  /** Whether the report has any search in it. */
  public boolean empty() {
    return searches == 0;
  }

  /** Aggregates {@code lines}, oldest first, keeping up to {@code limit} queries in each list. */
  public static InsightsReport of(List<LogLine> lines, String since, int limit) {
    Set<String> openedSearches = new HashSet<>();
    for (LogLine line : lines) {
      if (line instanceof LogLine.Opened open) {
        openedSearches.add(open.opened());
      }
    }
    Map<String, QueryStats> byQuery = new LinkedHashMap<>();
    int searches = 0;
    int opened = 0;
    for (LogLine line : lines) {
      if (line instanceof LogLine.Search search) {
        searches++;
        int wasOpened = openedSearches.contains(search.search()) ? 1 : 0;
        opened += wasOpened;
        String query = normalized(search.query());
        QueryStats before = byQuery.get(query);
        byQuery.put(
            query,
            new QueryStats(
                query,
                (before == null ? 0 : before.searches()) + 1,
                (before == null ? 0 : before.opened()) + wasOpened,
                search.total(),
                search.top(),
                search.weak()));
      }
    }
    List<QueryStats> all = new ArrayList<>(byQuery.values());
    all.sort(
        Comparator.comparingInt(QueryStats::searches).reversed().thenComparing(QueryStats::query));
    return new InsightsReport(
        since,
        searches,
        opened,
        all.size(),
        first(all, q -> true, limit),
        first(all, QueryStats::unanswered, limit),
        first(all, q -> !q.unanswered() && q.opened() == 0, limit));
  }

  /** A query as it is compared: lower case, spaces collapsed. */
  static String normalized(String query) {
    return query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static List<QueryStats> first(
      List<QueryStats> all, Predicate<QueryStats> which, int limit) {
    return all.stream().filter(which).limit(limit).toList();
  }
}
