package org.rapportkb.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.config.InsightsSettings;
import org.rapportkb.json.Json;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;

class SearchInsightsTest {
  private static final InsightsSettings ON = new InsightsSettings(true, 30);
  private static final InsightsSettings OFF = new InsightsSettings(false, 30);

  @TempDir Path dir;

  private Path folder() {
    return dir.resolve("data").resolve("insights");
  }

  private SearchInsights insights(InsightsSettings settings, String day) {
    Clock clock = Clock.fixed(Instant.parse(day + "T10:15:30Z"), ZoneOffset.UTC);
    return new SearchInsights(new SearchLog(folder()), () -> settings, clock);
  }

  private static SearchHit hit(String slug, float lexical, float semanticShare) {
    return new SearchHit(
        new ArticleSummary(slug, slug, "summary", "attending", "foundation", List.of(), null),
        "/articles/" + slug,
        1f,
        "snippet",
        new SearchHit.PassageRef("What it is", "/articles/" + slug + "#what-it-is"),
        new SearchHit.ScoreParts(lexical, 1f, 0.5f, semanticShare, 1f));
  }

  private static SearchResponse response(String query, long total, SearchHit... hits) {
    return new SearchResponse(
        query, total, 1, 10, List.of(hits), Map.of(), null, false, null, "ready");
  }

  private List<String> logLines() throws Exception {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder())) {
      for (Path file : files.sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private static Map<String, Object> fields(String json) throws Exception {
    return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  @Test
  void anEntryHoldsTheQueryItsTotalTheTopHitAndTheDayAndNothingElse() throws Exception {
    SearchInsights insights = insights(ON, "2026-03-14");
    Optional<String> id =
        insights.recordSearch(
            SearchRequest.of("client is silent"),
            response("client is silent", 3, hit("using-silence", 11f, 0.43f)));
    assertTrue(id.isPresent());
    assertTrue(id.get().matches("[A-Za-z0-9_-]{16}"), id.get());
    insights.recordOpen(id.get());

    List<String> lines = logLines();
    assertEquals(2, lines.size(), lines.toString());
    Map<String, Object> search = fields(lines.get(0));
    assertEquals(
        List.of("day", "search", "query", "total", "top", "weak"), List.copyOf(search.keySet()));
    assertEquals("2026-03-14", search.get("day"));
    assertEquals(id.get(), search.get("search"));
    assertEquals("client is silent", search.get("query"));
    assertEquals(3, search.get("total"));
    assertEquals("using-silence", search.get("top"));
    assertEquals(false, search.get("weak"));
    assertEquals(Map.of("day", "2026-03-14", "opened", id.get()), fields(lines.get(1)));
    try (Stream<Path> files = Files.list(folder())) {
      assertEquals(
          List.of("searches-2026-03-14.jsonl"),
          files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void eachSearchGetsItsOwnRandomIdAndANothingFoundSearchHasNoTopHit() throws Exception {
    SearchInsights insights = insights(ON, "2026-03-14");
    String first = insights.recordSearch(SearchRequest.of("xqzv"), response("xqzv", 0)).get();
    String second = insights.recordSearch(SearchRequest.of("xqzv"), response("xqzv", 0)).get();
    assertFalse(first.equals(second));
    Map<String, Object> entry = fields(logLines().get(0));
    assertEquals(0, entry.get("total"));
    assertTrue(entry.containsKey("top"));
    assertEquals(null, entry.get("top"));
  }

  @Test
  void nothingIsWrittenWhileTheLogIsOff() {
    SearchInsights insights = insights(OFF, "2026-03-14");
    SearchRequest request = SearchRequest.of("client is silent");
    assertFalse(insights.records(request));
    assertEquals(
        Optional.empty(),
        insights.recordSearch(
            request, response("client is silent", 1, hit("using-silence", 11f, 0.4f))));
    insights.recordOpen("AAAAAAAAAAAAAAAA");
    insights.start();
    insights.close();
    assertFalse(Files.exists(folder()), "no folder, no file");
  }

  @Test
  void onlyFirstPagesOfRealQueriesAreRecorded() {
    SearchInsights insights = insights(ON, "2026-03-14");
    assertTrue(insights.records(SearchRequest.of("silence")));
    assertFalse(insights.records(SearchRequest.of("silence").withPage(2, 10)));
    assertFalse(insights.records(SearchRequest.of("  ")));
  }

  @Test
  void onlyTheFirstOpeningOfAnIdThisServerHandedOutIsRecorded() throws Exception {
    SearchInsights insights = insights(ON, "2026-03-14");
    String id =
        insights
            .recordSearch(SearchRequest.of("grief"), response("grief", 1, hit("empathy", 2f, 0.3f)))
            .get();
    insights.recordOpen(id);
    insights.recordOpen(id);
    insights.recordOpen("AAAAAAAAAAAAAAAA");
    insights.recordOpen("not an id");
    insights.recordOpen(null);
    assertEquals(2, logLines().size(), logLines().toString());
  }

  @Test
  void retentionDeletesEntriesOlderThanThePeriod() throws Exception {
    SearchRequest request = SearchRequest.of("silence");
    SearchResponse answer = response("silence", 1, hit("using-silence", 11f, 0.4f));
    insights(ON, "2026-01-01").recordSearch(request, answer);
    insights(ON, "2026-02-12").recordSearch(request, answer);
    insights(ON, "2026-02-13").recordSearch(request, answer);
    insights(ON, "2026-03-14").recordSearch(request, answer);

    // Kept for 30 days: on 14 March, the entries of 13 February on stay.
    SearchInsights today = insights(ON, "2026-03-14");
    assertEquals(2, today.report(10).searches(), "the report leaves expired entries out");
    assertEquals("2026-02-13", today.report(10).since());
    assertEquals(2, today.deleteExpired());
    try (Stream<Path> files = Files.list(folder())) {
      assertEquals(
          List.of("searches-2026-02-13.jsonl", "searches-2026-03-14.jsonl"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertEquals(2, today.report(10).searches());

    // Start-up deletes them too, even with the log switched off since.
    insights(ON, "2026-04-01").recordSearch(request, answer);
    try (SearchInsights startingUp = insights(OFF, "2026-04-20")) {
      startingUp.start();
    }
    try (Stream<Path> files = Files.list(folder())) {
      assertEquals(
          List.of("searches-2026-04-01.jsonl"),
          files.map(f -> f.getFileName().toString()).toList());
    }
  }

  @Test
  void aWeakAnswerIsMarked() throws Exception {
    SearchInsights insights = insights(ON, "2026-03-14");
    insights.recordSearch(
        SearchRequest.of("tax returns"),
        response("tax returns", 17, hit("closed-questions", 0.9f, 0f)));
    assertEquals(true, fields(logLines().get(0)).get("weak"));
  }

  @Test
  void aLineCutShortByACrashIsSkippedAndTheNextOneStartsAfresh() throws Exception {
    SearchInsights insights = insights(ON, "2026-03-14");
    SearchRequest request = SearchRequest.of("silence");
    insights.recordSearch(request, response("silence", 1, hit("using-silence", 11f, 0.4f)));
    Path file = folder().resolve("searches-2026-03-14.jsonl");
    Files.writeString(
        file,
        "{\"day\":\"2026-03-14\",\"search\":\"abc\",\"qu",
        java.nio.file.StandardOpenOption.APPEND);
    insights.recordSearch(request, response("silence", 1, hit("using-silence", 11f, 0.4f)));

    List<String> lines = Files.readAllLines(file);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(2).startsWith("{\"day\""), lines.get(2));
    List<LogLine> read = new SearchLog(folder()).read(LocalDate.parse("2026-03-01"));
    assertEquals(2, read.size());
  }

  @Test
  void concurrentSearchesNeverInterleaveTheirLines() throws Exception {
    SearchInsights insights = insights(ON, "2026-03-14");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  String query = "query " + thread + " " + i + " " + "x".repeat(i * 7);
                  String id =
                      insights
                          .recordSearch(
                              SearchRequest.of(query),
                              response(query, 1, hit("using-silence", 11f, 0.4f)))
                          .orElseThrow();
                  insights.recordOpen(id);
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
    assertEquals(1600, logLines().size());
    InsightsReport report = insights.report(1000);
    assertEquals(800, report.searches());
    assertEquals(800, report.opened());
    assertEquals(800, report.queries());
  }
}
