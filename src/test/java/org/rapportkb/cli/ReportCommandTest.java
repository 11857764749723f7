package org.rapportkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.insights.LogLine;
import org.rapportkb.insights.SearchLog;
import org.rapportkb.json.Json;

/** {@code report}, and what {@code check} says of the search log. */
class ReportCommandTest {
  @TempDir Path dir;
  private KnowledgeBase.Paths paths;

  /** The exit status and what a command printed. */
  record Run(int status, String out, String err) {}

  @BeforeEach
  void fixture() throws Exception {
    paths = Fixture.copyTo(dir);
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--articles", paths.articles().toString(),
            "--config", paths.config().toString(),
            "--index", paths.index().toString()));
    int status =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    return new Run(status, out.toString(), err.toString());
  }

  private void switchLog(boolean on) throws Exception {
    Files.writeString(
        paths.config().resolve("insights.yml"), "enabled: " + on + "\nretentionDays: 30\n");
  }

  private void log(LogLine... lines) throws Exception {
    SearchLog log = new SearchLog(dir.resolve("insights"));
    for (LogLine line : lines) {
      log.append(line);
    }
  }

  private static String today() {
    return LocalDate.now().toString();
  }

  @Test
  void theReportListsFrequentUnansweredAndUnopenedQueries() throws Exception {
    switchLog(true);
    String old = LocalDate.now().minusDays(40).toString();
    log(
        new LogLine.Search(old, "oldoldoldoldoldo", "expired query", 0, null, false),
        new LogLine.Search(
            today(), "aaaaaaaaaaaaaaaa", "client is silent", 2, "using-silence", false),
        new LogLine.Opened(today(), "aaaaaaaaaaaaaaaa"),
        new LogLine.Search(
            today(), "bbbbbbbbbbbbbbbb", "Client is silent", 2, "using-silence", false),
        new LogLine.Search(today(), "cccccccccccccccc", "EMDR", 0, null, false),
        new LogLine.Search(today(), "dddddddddddddddd", "tax returns", 4, "empathy", true),
        new LogLine.Search(today(), "eeeeeeeeeeeeeeee", "grief", 1, "empathy", false));
    Run run = run("report");
    assertEquals(0, run.status(), run.err());
    String out = run.out();
    assertTrue(out.startsWith("Search log: on; entries are kept 30 days, in "), out);
    assertTrue(out.contains("5 searches of 4 different queries since "), out);
    assertTrue(out.contains("; 1 had a result opened."), out);
    assertFalse(out.contains("expired query"), "entries past the retention period are left out");
    String frequent = section(out, "Most frequent queries");
    assertTrue(
        frequent.contains(
            "         2       1        2  answered      client is silent  -> using-silence"),
        frequent);
    assertEquals(List.of("emdr", "tax returns"), queries(section(out, "No or weak results")));
    assertEquals(List.of("grief"), queries(section(out, "Results nobody opens")));
  }

  @Test
  void jsonAndLimit() throws Exception {
    switchLog(true);
    log(
        new LogLine.Search(today(), "aaaaaaaaaaaaaaaa", "silence", 2, "using-silence", false),
        new LogLine.Search(today(), "bbbbbbbbbbbbbbbb", "silence", 2, "using-silence", false),
        new LogLine.Search(today(), "cccccccccccccccc", "empathy", 3, "empathy", false));
    JsonNode json = Json.MAPPER.readTree(run("report", "--json", "--limit", "1").out());
    assertTrue(json.get("enabled").asBoolean());
    assertEquals(30, json.get("retentionDays").asInt());
    JsonNode report = json.get("report");
    assertEquals(3, report.get("searches").asInt());
    assertEquals(1, report.get("frequent").size());
    assertEquals("silence", report.get("frequent").get(0).get("query").asText());
    assertEquals(2, report.get("frequent").get(0).get("searches").asInt());

    Run bad = run("report", "--limit", "0");
    assertEquals(2, bad.status());
    assertEquals("error: --limit must be 1 or more", bad.err().strip());
  }

  @Test
  void whileOffTheReportSaysSoAndStillShowsWhatIsKept() throws Exception {
    Run empty = run("report");
    assertEquals(0, empty.status());
    assertTrue(empty.out().startsWith("Search log: off; nothing is being recorded"), empty.out());
    assertTrue(empty.out().contains("No searches recorded since "), empty.out());

    log(new LogLine.Search(today(), "aaaaaaaaaaaaaaaa", "silence", 2, "using-silence", false));
    Run kept = run("report");
    assertTrue(kept.out().startsWith("Search log: off"), kept.out());
    assertTrue(kept.out().contains("1 search of 1 query since "), kept.out());
    assertTrue(kept.out().contains("silence  -> using-silence"), kept.out());
  }

  @Test
  void checkSaysWhetherSearchesAreRecordedAndNamesMistakesByLine() throws Exception {
    Run off = run("check");
    assertEquals(0, off.status(), off.out());
    assertTrue(off.out().contains("search log: off"), off.out());
    switchLog(true);
    Run on = run("check");
    assertTrue(
        on.out().contains("search log: on, entries kept 30 days in " + dir.resolve("insights")),
        on.out());
    Files.writeString(
        paths.config().resolve("insights.yml"), "enabled: true\nretentionDays: 9999\n");
    Run bad = run("check");
    assertEquals(1, bad.status(), bad.out());
    assertTrue(
        bad.out()
            .contains(
                paths.config().resolve("insights.yml")
                    + ":2: error: 'retentionDays' must be a whole number from 1 to 365"),
        bad.out());
  }

  /** The lines of the list headed {@code title}, up to the next blank line. */
  private static String section(String out, String title) {
    int start = out.indexOf(title + System.lineSeparator());
    assertTrue(start >= 0, out);
    int end = out.indexOf(System.lineSeparator() + System.lineSeparator(), start);
    return out.substring(start, end < 0 ? out.length() : end);
  }

  /** The queries of a list's rows, in order. */
  private static List<String> queries(String section) {
    return section
        .lines()
        .skip(2)
        .map(line -> line.substring(43).replaceAll("  -> .*", "").strip())
        .toList();
  }
}
