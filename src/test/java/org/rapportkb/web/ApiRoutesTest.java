package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapportkb.web.WebAssertions.assertJson;
import static org.rapportkb.web.WebAssertions.assertJsonError;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapportkb.IndexedFixture;
import org.rapportkb.json.Json;

/** The JSON routes of the contract, over the fixture corpus: shapes, values and errors. */
class ApiRoutesTest extends IndexedFixture {

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.path(field).asText()));
    return values;
  }

  @Test
  void searchAnswersInTheContractShape() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get("/api/search?q=silence"), 200);
          assertTrue(
              fieldNames(body)
                  .containsAll(
                      Set.of(
                          "query",
                          "total",
                          "page",
                          "size",
                          "hits",
                          "facets",
                          "suggestion",
                          "searched",
                          "semantic")),
              body.toString());
          assertEquals("silence", body.get("query").asText());
          assertEquals(2, body.get("total").asInt());
          assertEquals(1, body.get("page").asInt());
          assertEquals(10, body.get("size").asInt());
          assertTrue(body.get("suggestion").isNull());
          assertEquals(
              List.of("using-silence", "active-listening"), texts(body.get("hits"), "slug"));
          JsonNode hit = body.get("hits").get(0);
          assertEquals(
              Set.of(
                  "slug",
                  "title",
                  "summary",
                  "category",
                  "level",
                  "tags",
                  "url",
                  "score",
                  "snippet",
                  "passage"),
              fieldNames(hit));
          assertEquals(Set.of("heading", "url"), fieldNames(hit.get("passage")));
          assertTrue(
              hit.get("passage").get("url").asText().startsWith("/articles/using-silence#"),
              hit.toString());
          assertEquals("Using silence", hit.get("title").asText());
          assertEquals("/articles/using-silence", hit.get("url").asText());
          assertEquals("attending", hit.get("category").asText());
          assertEquals("intermediate", hit.get("level").asText());
          assertEquals(List.of("pacing", "attending"), strings(hit.get("tags")));
          assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.toString());
          assertEquals(
              Set.of("category", "tag", "level"), fieldNames(body.get("facets")), body.toString());
          JsonNode category = body.get("facets").get("category").get(0);
          assertEquals(Set.of("value", "count"), fieldNames(category));
          assertEquals("attending", category.get("value").asText());
          assertEquals(2, category.get("count").asInt());
        });
  }

  @Test
  void searchFiltersPagesAndCorrects() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode filtered =
              assertJson(client.get("/api/search?q=listening&level=foundation&size=1&page=2"), 200);
          assertEquals(1, filtered.get("size").asInt());
          assertEquals(2, filtered.get("page").asInt());
          assertEquals(1, filtered.get("hits").size());
          assertEquals("foundation", filtered.get("hits").get(0).get("level").asText());

          JsonNode listed = assertJson(client.get("/api/search?category=reflection"), 200);
          assertEquals(
              List.of("reflective-listening", "double-sided-reflections"),
              texts(listed.get("hits"), "slug"));

          JsonNode corrected = assertJson(client.get("/api/search?q=emphathy"), 200);
          assertEquals("empathy", corrected.get("suggestion").asText());
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/search?q=(((",
        "/api/search?q=*",
        "/api/search?q=x&size=1000",
        "/api/search?q=x&size=0",
        "/api/search?q=x&page=abc",
        "/api/search?q=x&size=ten",
        "/api/search?q=x&page=0",
        "/api/search?q=x&page=99999999999",
        "/api/search?q=x&category=no-such-category",
        "/api/search?q=x&level=expert",
        "/api/search?q=x&tag=Not%20A%20Tag"
      })
  void badSearchesAreBadRequests(String url) {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> assertJsonError(client.get(url), 400, "bad_request"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "feel/think",
        "silence AND",
        "mandated (court",
        "\"silence",
        "silence -",
        "/reg.*ex/",
        "*leading"
      })
  void brokenSyntaxIsSearchedAsPlainWordsAndTheAnswerSaysWhichQueryRan(String typed) {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body =
              assertJson(
                  client.get(
                      "/api/search?q="
                          + java.net.URLEncoder.encode(
                              typed, java.nio.charset.StandardCharsets.UTF_8)),
                  200);
          assertEquals(typed, body.get("query").asText());
          assertFalse(body.get("searched").isNull(), body.toString());
          assertFalse(body.get("searched").asText().matches(".*[/()\"*-].*"), body.toString());
        });
  }

  @Test
  void explainAddsTheLexicalAndSemanticPartsOfEachScore() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode plain = assertJson(client.get("/api/search?q=silence"), 200);
          assertFalse(plain.get("hits").get(0).has("explain"), plain.toString());
          JsonNode explained = assertJson(client.get("/api/search?q=silence&explain=true"), 200);
          JsonNode parts = explained.get("hits").get(0).get("explain");
          assertEquals(
              Set.of("lexical", "lexicalShare", "semantic", "semanticShare", "fused"),
              fieldNames(parts));
          assertTrue(parts.get("lexical").asDouble() > 0, parts.toString());
          assertEquals(
              explained.get("hits").get(0).get("score").asDouble(),
              parts.get("fused").asDouble(),
              1e-6);
        });
  }

  @Test
  void tooLongQueryIsABadRequestThatSaysWhy() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body =
              assertJsonError(client.get("/api/search?q=" + "a".repeat(501)), 400, "bad_request");
          assertTrue(body.get("message").asText().contains("too long"), body.toString());
        });
  }

  @Test
  void suggestCompletesTitlesAndAliases() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get("/api/suggest?q=refl"), 200);
          assertEquals(Set.of("suggestions"), fieldNames(body));
          JsonNode first = body.get("suggestions").get(0);
          assertEquals(Set.of("text", "slug", "title", "alias", "marks"), fieldNames(first));
          assertEquals(
              Json.MAPPER.readTree(
                  """
                  {"text":"Reflective listening","slug":"reflective-listening",
                   "title":"Reflective listening","alias":false,"marks":[{"start":0,"end":4}]}
                  """),
              first,
              "the title that starts with the typed word comes first");
          assertEquals(
              List.of("reflective-listening", "double-sided-reflections"),
              texts(body.get("suggestions"), "slug"));

          JsonNode alias = assertJson(client.get("/api/suggest?q=mirr"), 200);
          assertEquals(
              Json.MAPPER.readTree(
                  """
                  {"suggestions":[{"text":"mirroring","slug":"reflective-listening",
                   "title":"Reflective listening","alias":true,"marks":[{"start":0,"end":4}]}]}
                  """),
              alias,
              "an alias names the article it opens");

          JsonNode empty = assertJson(client.get("/api/suggest?q="), 200);
          assertEquals(0, empty.get("suggestions").size());
          JsonNode none = assertJson(client.get("/api/suggest"), 200);
          assertEquals(0, none.get("suggestions").size());
          assertJsonError(client.get("/api/suggest?q=" + "b".repeat(501)), 400, "bad_request");
        });
  }

  @Test
  void articlesListsPublishedArticlesInCurriculumOrder() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get("/api/articles"), 200);
          assertTrue(body.isArray());
          assertEquals(
              List.of(
                  "active-listening",
                  "using-silence",
                  "reflective-listening",
                  "double-sided-reflections",
                  "empathy",
                  "mandated-clients"),
              texts(body, "slug"));
          assertEquals(
              Set.of("slug", "title", "summary", "category", "level", "tags", "url", "updated"),
              fieldNames(body.get(0)));
          assertEquals("2026-10-01", body.get(0).get("updated").asText());
          assertEquals("/articles/active-listening", body.get(0).get("url").asText());
        });
  }

  @Test
  void articleHasBodyOutlineAndRelatedArticles() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get("/api/articles/active-listening"), 200);
          assertTrue(
              fieldNames(body)
                  .containsAll(
                      Set.of(
                          "slug",
                          "title",
                          "summary",
                          "category",
                          "level",
                          "tags",
                          "url",
                          "updated",
                          "html",
                          "related",
                          "headings")),
              body.toString());
          assertFalse(body.has("exchanges"));
          assertFalse(body.has("path"));
          assertEquals("Active listening", body.get("title").asText());
          assertTrue(body.get("html").asText().contains("<h2 id=\"what-it-is\">"), body.toString());
          assertEquals(
              List.of("using-silence", "reflective-listening"),
              texts(body.get("related"), "slug").subList(0, 2));
          JsonNode heading = body.get("headings").get(0);
          assertEquals(2, heading.get("level").asInt());
          assertEquals("What it is", heading.get("text").asText());
          assertEquals("what-it-is", heading.get("id").asText());
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/articles/no-such-article",
        "/api/articles/Active-Listening",
        "/api/articles/..%2F..%2Fpom.xml",
        "/api/articles/a%2Fb",
        "/api/nothing-here"
      })
  void unknownArticlesAreNotFoundAsJson(String url) {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> assertJsonError(client.get(url), 404, "not_found"));
  }

  @Test
  void healthCountsPublishedArticles() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get("/health"), 200);
          assertEquals("ok", body.get("status").asText());
          assertEquals(6, body.get("articles").asInt());
          assertEquals(0, body.get("problems").asInt());
          assertTrue(body.get("synced").asBoolean(), "the folder was compared with the index");
          assertEquals(5, body.size());
          assertEquals("off", body.get("semantic").get("state").asText(), body.toString());
        });
  }

  @Test
  void practiceListsGradedItemsWithTheirSkillsCriteria() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get("/api/practice?article=empathy"), 200);
          assertEquals(3, body.get("total").asInt());
          JsonNode first = body.get("items").get(0);
          assertTrue(first.get("id").asText().matches("empathy-[0-9a-f]{8}"), first.toString());
          assertEquals("empathy", first.get("article").asText());
          assertEquals("Empathy", first.get("title").asText());
          assertEquals("beginner", first.get("difficulty").asText());
          assertEquals("Everyone at work hates me.", first.get("client").asText());
          assertEquals("", first.get("scene").asText());
          assertEquals(2, first.get("responses").size());
          assertEquals(3, first.get("criteria").size());
          assertEquals("Names the feeling the client shows", first.get("criteria").get(0).asText());

          JsonNode again = assertJson(client.get("/api/practice?article=empathy"), 200);
          assertEquals(first.get("id"), again.get("items").get(0).get("id"), "stable ids");

          JsonNode advanced =
              assertJson(
                  client.get("/api/practice?module=reflection&difficulty=advanced&count=1"), 200);
          assertEquals(2, advanced.get("total").asInt());
          assertEquals(1, advanced.get("items").size());
          assertEquals("advanced", advanced.get("items").get(0).get("difficulty").asText());
          JsonNode foundation = assertJson(client.get("/api/practice?level=foundation"), 200);
          assertTrue(foundation.get("total").asInt() > 0);
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/practice?difficulty=expert",
        "/api/practice?module=nope",
        "/api/practice?article=..%2Fpom",
        "/api/practice?article=no-such-article",
        "/api/practice?level=expert",
        "/api/practice?count=0",
        "/api/practice?count=abc",
        "/api/practice?count=100000"
      })
  void badPracticeParametersAreBadRequests(String url) {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          JsonNode body = assertJson(client.get(url), 400);
          assertTrue(body.has("error"), body.toString());
        });
  }
}
