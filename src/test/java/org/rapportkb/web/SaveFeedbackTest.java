package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapportkb.web.WebAssertions.assertJson;
import static org.rapportkb.web.WebAssertions.assertPage;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;

/** An article page and {@code /health} after saves that cannot be published, and after a fix. */
class SaveFeedbackTest {
  private static final String BANNER = "<section class=\"save-problems\" role=\"alert\"";

  @TempDir Path dir;

  private KnowledgeBase kb;
  private Path empathy;
  private String empathyText;

  @BeforeEach
  void open() throws Exception {
    kb = Fixture.openIndexed(dir);
    empathy = kb.paths().articles().resolve("empathy/empathy.md");
    empathyText = Files.readString(empathy, StandardCharsets.UTF_8);
  }

  @AfterEach
  void close() throws Exception {
    kb.close();
  }

  private void save(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    kb.sync(false, ProgressListener.NONE);
  }

  @Test
  void theArticlePageShowsWhyASaveIsNotPublishedUntilItIs() throws Exception {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          assertFalse(assertPage(client.get("/articles/empathy"), 200).contains(BANNER));

          save(empathy, empathyText.replace("level: foundation\n", ""));
          String body = assertPage(client.get("/articles/empathy"), 200);
          assertTrue(body.contains(BANNER), body);
          assertTrue(
              body.contains(
                  "<li>Not published: <code>"
                      + empathy
                      + "</code> line 2: missing required field 'level'</li>"),
              body);
          assertTrue(
              body.indexOf(BANNER) < body.indexOf("<h1 id=\"kb-article-title\">Empathy</h1>"),
              "the notice comes before the last good version");
          assertTrue(body.contains("Foundation"), "the last good version is shown");
          assertFalse(
              assertPage(client.get("/articles/active-listening"), 200).contains(BANNER),
              "other articles have no notice");

          save(empathy, empathyText.replace("title: Empathy", "title: Empathy, revised"));
          body = assertPage(client.get("/articles/empathy"), 200);
          assertFalse(body.contains(BANNER), body);
          assertTrue(body.contains("Empathy, revised"));
        });
  }

  @Test
  void whatTheTrainerWroteIsEscapedInTheNotice() throws Exception {
    save(empathy, empathyText.replace("category: empathy", "category: <b>feelings</b>"));
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/articles/empathy"), 200);
          assertTrue(body.contains("unknown category '&lt;b&gt;feelings&lt;/b&gt;'"), body);
          assertFalse(body.contains("<b>feelings"), body);
        });
  }

  @Test
  void healthCountsTheArticlesWithProblemsPublishedOrNot() throws Exception {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          save(empathy, empathyText.replace("title: Empathy\n", ""));
          Path fresh = kb.paths().articles().resolve("empathy/attunement.md");
          save(fresh, "---\ntitle: Attunement\n---\n");
          JsonNode health = assertJson(client.get("/health"), 200);
          assertEquals("ok", health.get("status").asText());
          assertEquals(6, health.get("articles").asInt(), "the last good version still counts");
          assertEquals(2, health.get("problems").asInt(), health.toString());
          assertEquals(404, client.get("/articles/attunement").code(), "never published");

          Files.delete(fresh);
          save(empathy, empathyText);
          health = assertJson(client.get("/health"), 200);
          assertEquals(0, health.get("problems").asInt(), health.toString());
          assertEquals(6, health.get("articles").asInt());
        });
  }
}
