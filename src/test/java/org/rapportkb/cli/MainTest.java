package org.rapportkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.json.Json;

class MainTest {
  @TempDir Path dir;

  /** The exit status and what a command printed. */
  record Run(int status, String out, String err) {}

  private Run run(KnowledgeBase.Paths paths, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new java.util.ArrayList<>(List.of(args));
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

  @Test
  void checkPassesOnTheFixtureWithWarningsForTheDraft() throws Exception {
    Run run = run(Fixture.copyTo(dir), "check");
    assertEquals(0, run.status(), run.out());
    assertTrue(run.out().contains("unfinished-draft.md:"), run.out());
    assertTrue(run.out().contains("7 articles checked: 0 errors"), run.out());
    assertTrue(
        run.out().contains("semantic search: off (switched off in semantic.yml)"), run.out());
  }

  @Test
  void checkSaysWhetherSearchByMeaningWorksHere() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    java.nio.file.Files.writeString(paths.config().resolve("semantic.yml"), "enabled: true\n");
    Run on = run(paths, "check");
    assertTrue(on.out().contains("semantic search: on (all-minilm-l6-v2-q)"), on.out());
    java.nio.file.Files.writeString(paths.config().resolve("semantic.yml"), "threads: 0\n");
    Run bad = run(paths, "check");
    assertEquals(1, bad.status(), bad.out());
    assertTrue(
        bad.out().contains("semantic.yml:1: error: 'threads' must be a whole number from 1 to 64"),
        bad.out());
  }

  @Test
  void checkReportsEmptyTitleAndUnknownCategoryWithPathAndLine() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Path bad = paths.articles().resolve("empathy/bad.md");
    Files.writeString(bad, "---\ntitle:\nsummary: x\ncategory: nowhere\nlevel: foundation\n---\n");
    Run run = run(paths, "check");
    assertEquals(1, run.status());
    assertTrue(run.out().contains(bad + ":2: error: 'title' must not be empty"), run.out());
    assertTrue(run.out().contains(bad + ":4: error: unknown category 'nowhere'"), run.out());
  }

  @Test
  void indexReportsAndExitsOneOnInvalidArticles() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Run ok = run(paths, "index");
    assertEquals(0, ok.status(), ok.err());
    assertTrue(ok.out().contains("7 added"), ok.out());
    Files.writeString(paths.articles().resolve("empathy/broken.md"), "no front matter\n");
    Run bad = run(paths, "index");
    assertEquals(1, bad.status());
    assertTrue(bad.err().contains("broken.md:1: error: missing front matter"), bad.err());
  }

  @Test
  void searchPrintsRankedResultsAndTheApiJson() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Run text = run(paths, "search", "reflective", "listening");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("1. Reflective listening"), text.out());

    Run json = run(paths, "search", "emphathy", "--json", "--limit", "3");
    JsonNode response = Json.MAPPER.readTree(json.out());
    for (String field : List.of("query", "total", "page", "size", "hits", "facets", "suggestion")) {
      assertTrue(response.has(field), field);
    }
    assertEquals("empathy", response.get("suggestion").asText());
    JsonNode hit = response.get("hits").get(0);
    for (String field :
        List.of(
            "slug", "title", "summary", "category", "level", "tags", "url", "score", "snippet")) {
      assertTrue(hit.has(field), field);
    }
    assertEquals("/articles/empathy", hit.get("url").asText());
    assertTrue(response.get("facets").has("category"));
  }

  @Test
  void badInputGetsOneClearLineAndNoStackTrace() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Run badQuery = run(paths, "search", "((");
    assertEquals(2, badQuery.status());
    assertTrue(
        badQuery.err().startsWith("error: there are no words to search for"), badQuery.err());
    Run brokenSyntax = run(paths, "search", "title:(");
    assertEquals(0, brokenSyntax.status(), brokenSyntax.err());
    assertTrue(brokenSyntax.out().contains("Showing results for: title"), brokenSyntax.out());
    Run badOption = run(paths, "search", "--limit", "many");
    assertEquals(2, badOption.status());
    assertFalse(badOption.err().contains("\tat "), badOption.err());
    Run missing =
        run(new KnowledgeBase.Paths(dir.resolve("nope"), paths.config(), paths.index()), "index");
    assertEquals(1, missing.status());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().contains("articles folder not found"), missing.err());
  }

  @Test
  void everyCommandExplainsItself() {
    for (String command : List.of("serve", "index", "search", "check", "new")) {
      StringWriter out = new StringWriter();
      int status =
          Main.run(
              new PrintWriter(out, true),
              new PrintWriter(new StringWriter(), true),
              command,
              "--help");
      assertEquals(0, status, command);
      assertTrue(out.toString().contains("Usage: rapport-kb " + command), out.toString());
    }
  }

  @Test
  void theUsageAndHelpListEveryCommandInOrder() {
    for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"})) {
      StringWriter out = new StringWriter();
      assertEquals(
          0, Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args));
      String usage = out.toString();
      int last = -1;
      for (String command : List.of("serve", "index", "search", "check", "new", "report")) {
        int at = usage.indexOf("\n  " + command + " ");
        assertTrue(at > last, command + " listed in order: " + usage);
        last = at;
      }
    }
    StringWriter err = new StringWriter();
    assertEquals(
        2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "serv"));
    assertTrue(err.toString().contains("rapport-kb --help"), "an unknown name: " + err);
  }

  @Test
  void aRunBuildsOnlyTheCommandItNames() {
    assertEquals(List.of(ServeCommand.class), Main.commandsFor("serve", "--port", "0"));
    assertEquals(List.of(CheckCommand.class), Main.commandsFor("check"));
    assertEquals(Main.COMMANDS, Main.commandsFor("help", "serve"));
    assertEquals(Main.COMMANDS, Main.commandsFor("--version"));
    assertEquals(Main.COMMANDS, Main.commandsFor());
  }

  @Test
  void newWritesADraftThatPassesCheck() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Run created =
        run(paths, "new", "Warm hand-offs", "--category", "assessment", "--level", "advanced");
    assertEquals(0, created.status(), created.err());
    Path file = paths.articles().resolve("assessment/warm-hand-offs.md");
    assertTrue(Files.exists(file));
    Run check = run(paths, "check");
    assertEquals(0, check.status(), check.out());
    assertFalse(check.out().contains("warm-hand-offs.md"), check.out());
    Run again = run(paths, "new", "Warm hand-offs", "--category", "assessment");
    assertEquals(1, again.status());
    Run unknown = run(paths, "new", "X", "--category", "nowhere");
    assertEquals(2, unknown.status());
  }
}
