package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapportkb.web.WebAssertions.assertJson;
import static org.rapportkb.web.WebAssertions.assertPage;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.insights.LogLine;
import org.rapportkb.insights.SearchLog;

/** The search log through the site: what is recorded, the links that carry ids, and /insights. */
class InsightsRoutesTest {
  private static final Pattern SEARCH_ID = Pattern.compile("\\?search=([A-Za-z0-9_-]{16})");

  @TempDir Path dir;
  private KnowledgeBase kb;

  @BeforeEach
  void open() throws Exception {
    kb = KnowledgeBase.open(Fixture.copyTo(dir));
    kb.sync(false, ProgressListener.NONE);
  }

  @AfterEach
  void close() throws Exception {
    kb.close();
  }

  private void switchLog(boolean on) throws Exception {
    Files.writeString(
        kb.paths().config().resolve("insights.yml"), "enabled: " + on + "\nretentionDays: 30\n");
    assertEquals(List.of(), kb.reloadConfig());
  }

  private Path logFolder() {
    return dir.resolve("insights");
  }

  private List<LogLine> logged() throws Exception {
    return new SearchLog(logFolder()).read(LocalDate.now().minusDays(1));
  }

  private static String searchId(String body) {
    Matcher id = SEARCH_ID.matcher(body);
    assertTrue(id.find(), "no result link carries a search id");
    return id.group(1);
  }

  @Test
  void whileTheLogIsOffNothingIsRecordedAndInsightsSaysSo() throws Exception {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String search = assertPage(client.get("/search?q=silence"), 200);
          assertFalse(search.contains("search-recorded"), "no notice while off");
          assertFalse(search.contains("?search="), "no ids on the links");
          assertTrue(search.contains("<a href=\"/insights\">Insights for trainers</a>"), search);
          JsonNode api = assertJson(client.get("/api/search?q=silence"), 200);
          assertEquals("/articles/using-silence", api.get("hits").get(0).get("url").asText());
          assertPage(client.get("/articles/using-silence?search=AAAAAAAAAAAAAAAA"), 200);

          String insights = assertPage(client.get("/insights"), 200);
          assertTrue(insights.contains("<title>Insights for trainers · Rapport KB</title>"));
          assertTrue(
              insights.contains("The search log is <strong>off</strong>: no search is being"),
              insights);
          assertTrue(insights.contains("id=\"insights-empty\""), insights);
        });
    assertFalse(Files.exists(logFolder()), "nothing is written while the log is off");
  }

  @Test
  void pageAndApiSearchesAreRecordedWithTheirOpenedResults() throws Exception {
    switchLog(true);
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String page = assertPage(client.get("/search?q=silence"), 200);
          assertTrue(
              page.contains(
                  "Searches are recorded anonymously to improve the curriculum; please leave out"),
              page);
          String pageSearch = searchId(page);
          assertTrue(
              page.contains("href=\"/articles/using-silence?search=" + pageSearch + "\""), page);
          assertTrue(
              page.contains("/articles/using-silence?search=" + pageSearch + "#"),
              "the passage link keeps its section after the id");

          JsonNode api = assertJson(client.get("/api/search?q=Mandated%20CLIENTS"), 200);
          JsonNode hit = api.get("hits").get(0);
          String apiSearch = searchId(hit.get("url").asText());
          assertTrue(
              hit.get("passage").get("url").asText().contains("?search=" + apiSearch),
              hit.toString());
          assertFalse(hit.has("explain"), "score parts only when asked for");
          JsonNode explained = assertJson(client.get("/api/search?q=empathy&explain=true"), 200);
          assertTrue(explained.get("hits").get(0).has("explain"));

          // Not searches: suggestions, later pages, listings, the CLI's engine.
          assertJson(client.get("/api/suggest?q=sil"), 200);
          assertPage(client.get("/search?q=silence&page=2"), 200);
          assertPage(client.get("/search?category=reflection"), 200);
          assertJson(client.get("/api/search?q=xqzv"), 200);

          assertPage(client.get("/articles/using-silence?search=" + pageSearch), 200);
          assertPage(client.get("/articles/using-silence?search=" + pageSearch), 200);
          assertPage(client.get("/articles/using-silence?search=not-one-of-ours"), 200);

          List<LogLine> lines = logged();
          assertEquals(5, lines.size(), lines.toString());
          LogLine.Search first = (LogLine.Search) lines.get(0);
          assertEquals(pageSearch, first.search());
          assertEquals("silence", first.query());
          assertEquals("using-silence", first.top());
          assertEquals(apiSearch, ((LogLine.Search) lines.get(1)).search());
          assertEquals("empathy", ((LogLine.Search) lines.get(2)).query());
          LogLine.Search nothing = (LogLine.Search) lines.get(3);
          assertEquals(0, nothing.total());
          assertEquals(null, nothing.top());
          assertEquals(new LogLine.Opened(LocalDate.now().toString(), pageSearch), lines.get(4));

          String insights = assertPage(client.get("/insights"), 200);
          assertTrue(insights.contains("The search log is <strong>on</strong>"), insights);
          assertTrue(insights.contains("kept 30 days"), insights);
          assertTrue(insights.contains("4 searches of 4 different queries since"), insights);
          assertTrue(insights.contains("1 search had a result opened"), insights);
          assertTrue(
              insights.contains(
                  "<tr><td>xqzv</td><td>1</td><td>no results</td><td><span class=\"muted\">none</span></td>"),
              insights);
          assertTrue(insights.contains("<tr><td>mandated clients</td><td>1</td><td>"), insights);
        });
  }

  @Test
  void queriesOnTheInsightsPageAreEscaped() throws Exception {
    switchLog(true);
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          assertPage(client.get("/search?q=%3Cimg%20src%3Dx%3E%20silence"), 200);
          String insights = assertPage(client.get("/insights"), 200);
          assertTrue(insights.contains("&lt;img src=x&gt; silence"), insights);
          assertFalse(insights.contains("<img src=x>"));
        });
  }

  @Test
  void turningTheLogOffStopsRecordingAtOnceAndKeepsWhatItHolds() throws Exception {
    switchLog(true);
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String page = assertPage(client.get("/search?q=silence"), 200);
          String id = searchId(page);
          switchLog(false);
          page = assertPage(client.get("/search?q=empathy"), 200);
          assertFalse(page.contains("?search="));
          assertPage(client.get("/articles/using-silence?search=" + id), 200);
          assertEquals(1, logged().size(), "no search and no opening recorded while off");
          String insights = assertPage(client.get("/insights"), 200);
          assertTrue(insights.contains("The search log is <strong>off</strong>"));
          assertTrue(insights.contains("Searches recorded while it was on are shown below"));
          assertTrue(insights.contains("<tr><td>silence</td>"), insights);
        });
  }

  @Test
  void aLogThatCannotBeWrittenOrReadNeverFailsASearchOrThePage() throws Exception {
    switchLog(true);
    Files.createDirectories(logFolder().resolve("searches-" + LocalDate.now() + ".jsonl"));
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String page = assertPage(client.get("/search?q=silence"), 200);
          assertTrue(page.contains("href=\"/articles/using-silence\""), "links without an id");
          assertEquals(
              "/articles/using-silence",
              assertJson(client.get("/api/search?q=silence"), 200)
                  .get("hits")
                  .get(0)
                  .get("url")
                  .asText());
          String insights = assertPage(client.get("/insights"), 200);
          assertTrue(insights.contains("The search log cannot be read right now"), insights);
        });
  }
}
