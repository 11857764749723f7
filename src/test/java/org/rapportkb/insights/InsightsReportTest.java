package org.rapportkb.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapportkb.insights.InsightsReport.QueryStats;

class InsightsReportTest {
  private static LogLine.Search search(
      String id, String query, long total, String top, boolean weak) {
    return new LogLine.Search("2026-03-14", id, query, total, top, weak);
  }

  private static LogLine.Opened opened(String id) {
    return new LogLine.Opened("2026-03-14", id);
  }

  private static final List<LogLine> LOG =
      List.of(
          search("a1", "Client is silent", 31, "using-silence", false),
          opened("a1"),
          search("a2", "client  is SILENT ", 31, "using-silence", false),
          search("a3", "client is silent", 31, "using-silence", false),
          opened("a3"),
          opened("a3"),
          search("b1", "EMDR", 0, null, false),
          search("b2", "emdr", 0, null, false),
          search("c1", "tax returns", 17, "closed-questions", true),
          search("d1", "grief", 25, "empathy-vs-sympathy", false),
          search("d2", "grief", 25, "empathy-vs-sympathy", false),
          search("e1", "supervision", 0, null, false),
          search("e2", "supervision", 3, "endings-and-termination", false),
          opened("e2"),
          opened("zz"));

  @Test
  void queriesAreCountedWithoutRegardToCaseAndSpacing() {
    InsightsReport report = InsightsReport.of(LOG, "2026-02-12", 10);
    assertEquals("2026-02-12", report.since());
    assertEquals(10, report.searches());
    assertEquals(3, report.opened(), "a1, a3 and e2; an unknown id counts for nothing");
    assertEquals(5, report.queries());
    assertEquals(
        List.of(
            new QueryStats("client is silent", 3, 2, 31, "using-silence", false),
            new QueryStats("emdr", 2, 0, 0, null, false),
            new QueryStats("grief", 2, 0, 25, "empathy-vs-sympathy", false),
            new QueryStats("supervision", 2, 1, 3, "endings-and-termination", false),
            new QueryStats("tax returns", 1, 0, 17, "closed-questions", true)),
        report.frequent());
  }

  @Test
  void unansweredQueriesAreThoseWhoseLatestSearchFoundNothingOrAWeakAnswer() {
    InsightsReport report = InsightsReport.of(LOG, "2026-02-12", 10);
    assertEquals(
        List.of("emdr", "tax returns"),
        report.unanswered().stream().map(QueryStats::query).toList());
    assertEquals("no results", report.unanswered().get(0).outcome());
    assertEquals("weak results", report.unanswered().get(1).outcome());
  }

  @Test
  void unopenedQueriesFoundResultsThatWereNeverOpened() {
    InsightsReport report = InsightsReport.of(LOG, "2026-02-12", 10);
    assertEquals(List.of("grief"), report.unopened().stream().map(QueryStats::query).toList());
  }

  @Test
  void eachListKeepsTheMostSearchedUpToTheLimit() {
    InsightsReport report = InsightsReport.of(LOG, "2026-02-12", 2);
    assertEquals(
        List.of("client is silent", "emdr"),
        report.frequent().stream().map(QueryStats::query).toList());
    assertEquals(5, report.queries());
  }

  @Test
  void anEmptyLogMakesAnEmptyReport() {
    InsightsReport report = InsightsReport.of(List.of(), "2026-02-12", 10);
    assertTrue(report.empty());
    assertEquals(List.of(), report.frequent());
  }
}
