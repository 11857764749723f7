package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapportkb.web.WebAssertions.assertPage;

import io.javalin.testtools.JavalinTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapportkb.IndexedFixture;

/** The HTML pages of the contract, over the fixture corpus. */
class PageRoutesTest extends IndexedFixture {

  private static void assertInOrder(String body, String... parts) {
    int from = 0;
    for (String part : parts) {
      int at = body.indexOf(part, from);
      assertTrue(at >= 0, "'" + part + "' missing or out of order");
      from = at + part.length();
    }
  }

  private static int count(String body, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(body);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  @Test
  void homeHasSearchModulesAndWhereToStart() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/"), 200);
          assertTrue(body.contains("<title>Rapport KB</title>"), body);
          assertTrue(
              body.contains(
                  "<form class=\"search-form search-form-large\" role=\"search\" action=\"/search\" method=\"get\">"));
          assertTrue(body.contains("name=\"q\""));
          assertTrue(body.contains("data-suggest=\"q-list\""));
          assertTrue(body.contains("<main id=\"main\""));
          assertTrue(body.contains("<nav class=\"site-nav\" aria-label=\"Main\">"));
          assertInOrder(
              body,
              "Module 1",
              "The therapeutic alliance",
              "0 articles",
              "Module 2",
              "href=\"/categories/attending\"",
              "Attending and listening",
              "2 articles");
          assertInOrder(
              body,
              "Start here",
              "<a href=\"/articles/active-listening\">Active listening</a>",
              "<a href=\"/articles/using-silence\">Using silence</a>",
              "<a href=\"/articles/reflective-listening\">Reflective listening</a>",
              "<a href=\"/articles/double-sided-reflections\">Double-sided reflections</a>",
              "<a href=\"/articles/empathy\">Empathy</a>",
              "See the whole curriculum",
              "Browse by module");
          assertFalse(body.contains("Recently updated"));
          assertEquals(1, count(body, "href=\"/categories/attending\""), "one list of modules");
          assertFalse(body.contains("unfinished-draft"), "drafts are not listed");
          assertTrue(body.contains("<script src=\"/static/app.js\" defer></script>"));
          assertFalse(body.contains("live-reload.js"), "only article pages reload");
        });
  }

  @Test
  void searchPageShowsHighlightedResultsAndFiltersThatKeepTheQuery() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/search?q=silence"), 200);
          assertTrue(body.contains("<title>Search: silence · Rapport KB</title>"));
          assertTrue(body.contains("value=\"silence\""), "the query stays in the box");
          assertTrue(body.contains("<strong>2 results</strong> for <q>silence</q>"), body);
          assertTrue(body.contains("<mark>"), "snippets are highlighted");
          assertFalse(body.contains("&lt;mark&gt;"), "snippets are not escaped twice");
          assertEquals(2, count(body, "class=\"result\""));
          assertInOrder(body, "/articles/using-silence", "/articles/active-listening");
          assertInOrder(
              body,
              "aria-label=\"Filter results\"",
              ">Module<",
              "href=\"/search?q=silence&amp;category=attending\"",
              ">Level<",
              "href=\"/search?q=silence&amp;level=foundation\"",
              "href=\"/search?q=silence&amp;level=intermediate\"",
              ">Tag<",
              "href=\"/search?q=silence&amp;tag=attending\"");
        });
  }

  @Test
  void activeFilterNarrowsResultsAndLinksToItsRemoval() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/search?q=silence&level=foundation"), 200);
          assertEquals(1, count(body, "class=\"result\""));
          assertTrue(
              body.contains("<a href=\"/articles/active-listening\">Active listening</a></h2>"));
          assertFalse(body.contains("<a href=\"/articles/using-silence\">Using silence</a></h2>"));
          assertTrue(body.contains("<input type=\"hidden\" name=\"level\" value=\"foundation\">"));
          assertTrue(body.contains("aria-label=\"Active filters\""));
          assertTrue(
              body.contains(
                  "<a class=\"facet-link active\" href=\"/search?q=silence\" data-facet=\"level\" aria-current=\"true\">"),
              body);
          assertTrue(
              body.contains("href=\"/search?q=silence&amp;level=intermediate\""),
              "the other levels stay offered");
          assertTrue(body.contains("Clear filters"));
        });
  }

  @Test
  void didYouMeanLinksToTheCorrectedSearch() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/search?q=emphathy"), 200);
          assertTrue(
              body.contains("Did you mean <a href=\"/search?q=empathy\">empathy</a>?"), body);
        });
  }

  @Test
  void searchWithoutResultsOffersHelp() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/search?q=zzyzx+qwxv"), 200);
          assertTrue(body.contains("<strong>0 results</strong>"));
          assertTrue(body.contains("Nothing found"));
          assertTrue(body.contains("Try fewer words"));
          assertTrue(body.contains("href=\"/curriculum\""));
          assertTrue(body.contains("href=\"/categories/attending\""));
        });
  }

  @Test
  void searchPagesThroughResults() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String first = assertPage(client.get("/search?size=2"), 200);
          assertTrue(first.contains("<strong>6 results</strong>"), first);
          assertEquals(2, count(first, "class=\"result\""));
          assertTrue(first.contains("aria-label=\"Result pages\""));
          assertTrue(first.contains("<a rel=\"next\" href=\"/search?page=2&amp;size=2\">"), first);
          assertFalse(first.contains("rel=\"prev\""));

          String last = assertPage(client.get("/search?size=2&page=3"), 200);
          assertTrue(last.contains("<ol class=\"result-list\" start=\"5\">"), last);
          assertTrue(last.contains("rel=\"prev\" href=\"/search?page=2&amp;size=2\""));
          assertFalse(last.contains("rel=\"next\""));

          String past = assertPage(client.get("/search?size=2&page=9"), 200);
          assertTrue(past.contains("past the last result"));
        });
  }

  @Test
  void searchWithNoWordsIsABadRequestPageAndBrokenSyntaxIsForgiven() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/search?q=((("), 400);
          assertTrue(body.contains("That search could not be run"), body);
          assertTrue(body.contains("value=\"(((\""), "the query is kept to be fixed");
          String forgiven = assertPage(client.get("/search?q=silence%20(pause"), 200);
          assertTrue(forgiven.contains("Showing results for <q>silence pause</q>"), forgiven);
          assertTrue(forgiven.contains("/articles/using-silence"), forgiven);
          String page = assertPage(client.get("/search?q=x&page=abc"), 400);
          assertTrue(page.contains("'page' must be a whole number."), page);
        });
  }

  @Test
  void articlePageHasBodyOutlineAndNavigation() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/articles/active-listening"), 200);
          assertTrue(body.contains("<title>Active listening · Rapport KB</title>"));
          assertInOrder(
              body,
              "aria-label=\"Breadcrumb\"",
              "<a href=\"/\">Home</a>",
              "<a href=\"/categories/attending\">Attending and listening</a>",
              "aria-current=\"page\">Active listening</a>");
          assertTrue(body.contains("<h1 id=\"kb-article-title\">Active listening</h1>"));
          assertTrue(body.contains("<span class=\"level level-foundation\">Foundation</span>"));
          assertTrue(body.contains("<time datetime=\"2026-10-01\">1 October 2026</time>"));
          assertTrue(body.contains("<a class=\"tag\" href=\"/tags/listening\">Listening</a>"));
          assertTrue(body.contains("Also called"));
          assertInOrder(
              body,
              "On this page",
              "<a href=\"#what-it-is\">What it is</a>",
              "<a href=\"#example\">Example</a>",
              "<a href=\"#sources\">Sources</a>");
          assertTrue(body.contains("<h2 id=\"what-it-is\">What it is</h2>"), "the body");
          assertInOrder(
              body,
              "Related techniques",
              "/articles/using-silence",
              "/articles/reflective-listening");
          assertTrue(body.contains("rel=\"next\" href=\"/articles/using-silence\""));
          assertTrue(body.contains("Next in this module →"));
          assertFalse(body.contains("rel=\"prev\""), "the first of the curriculum");
          assertTrue(body.contains("article 1 of 2"));
          assertInOrder(
              body,
              "class=\"module-nav\"",
              "<a href=\"/articles/active-listening\" aria-current=\"page\">Active listening</a>",
              "<a href=\"/articles/using-silence\">Using silence</a>",
              "</nav>");
          assertTrue(body.contains("aria-current=\"page\">Curriculum</a>"));
          assertTrue(
              body.contains("/articles/active-listening</p>"),
              "the printed copy names its address");
          assertTrue(body.contains("data-live-slug=\"active-listening\""));
          assertTrue(body.contains("<script src=\"/static/live-reload.js\" defer></script>"));

          String second = assertPage(client.get("/articles/using-silence"), 200);
          assertTrue(second.contains("rel=\"prev\" href=\"/articles/active-listening\""));
          assertTrue(
              second.contains("rel=\"next\" href=\"/articles/reflective-listening\""),
              "the last of its module leads on into the next module");
          assertTrue(second.contains("Next module: Reflections and the OARS skills →"), second);

          String fromSearch =
              assertPage(
                  client.get(
                      "/articles/using-silence",
                      req -> req.header("Referer", client.getOrigin() + "/search?q=silence")),
                  200);
          assertTrue(fromSearch.contains("aria-current=\"page\">Search</a>"), "nav marks search");
          assertTrue(fromSearch.contains("<a href=\"/search?q=silence\">Search results</a>"));
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/articles/no-such-article",
        "/articles/Active-Listening",
        "/articles/..%2F..%2Fpom.xml",
        "/articles/%2E%2E%2F%2E%2E%2Fpom.xml",
        "/articles/active-listening.md",
        "/categories/no-such-category",
        "/categories/..%2Farticles",
        "/tags/no-such-tag",
        "/tags/Bad%20Tag",
        "/no/such/page"
      })
  void unknownPagesAreFriendlyNotFoundPages(String url) {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get(url), 404);
          assertTrue(body.contains("Page not found"), body);
          assertTrue(body.contains("href=\"/curriculum\""));
          assertTrue(body.contains("role=\"search\""));
          assertFalse(body.contains("<project"), "no file outside the site is served");
        });
  }

  @Test
  void notFoundArticlePageReloadsWhenTheArticleAppears() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/articles/coming-soon"), 404);
          assertTrue(body.contains("data-live-slug=\"coming-soon\""));
        });
  }

  @Test
  void categoryPageListsItsModuleInOrder() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/categories/attending"), 200);
          assertTrue(body.contains("<h1>Attending and listening</h1>"));
          assertTrue(body.contains("Module 2"));
          assertTrue(body.contains("Showing with body, voice and attention"));
          assertInOrder(body, "/articles/active-listening", "/articles/using-silence");
          assertTrue(body.contains("href=\"/practice?module=attending\""));
          assertEquals(2, count(body, "class=\"article-item\""));

          String empty = assertPage(client.get("/categories/alliance"), 200);
          assertTrue(empty.contains("No published articles here yet."));
        });
  }

  @Test
  void tagPageListsTaggedArticles() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/tags/listening"), 200);
          assertTrue(body.contains("<h1>Listening</h1>"));
          assertEquals(2, count(body, "class=\"article-item\""));
          assertInOrder(body, "/articles/active-listening", "/articles/reflective-listening");
          assertPage(client.get("/tags/draft-only"), 404);
        });
  }

  @Test
  void curriculumListsModulesInOrderWithTheirArticles() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/curriculum"), 200);
          assertTrue(body.contains("6 articles in 8 modules"), body);
          assertInOrder(
              body,
              "id=\"module-alliance\"",
              "id=\"module-attending\"",
              "/articles/active-listening",
              "/articles/using-silence",
              "id=\"module-questions\"",
              "id=\"module-reflection\"",
              "/articles/reflective-listening",
              "/articles/double-sided-reflections",
              "id=\"module-empathy\"",
              "/articles/empathy",
              "id=\"module-validation\"",
              "id=\"module-assessment\"",
              "/articles/mandated-clients",
              "id=\"module-repair\"");
          assertTrue(body.contains("aria-current=\"page\">Curriculum</a>"));
        });
  }

  @Test
  void practiceShowsAGradedItemAndHidesTheModelsAndCriteriaUntilAsked() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/practice?article=empathy"), 200);
          assertInOrder(
              body,
              "<option value=\"empathy\" selected>Empathy</option>",
              "class=\"difficulty difficulty-beginner\">Beginner</span>",
              "The client says",
              "Everyone at work hates me.",
              "<details class=\"reveal\" id=\"practice-reveal\">",
              "Show model responses",
              "Work feels lonely and hostile right now.",
              "You feel shut out by the people you see every day.",
              "Names the feeling the client shows",
              "</details>",
              "Too easy",
              "Good challenge",
              "Too hard");
          assertTrue(body.contains("<script src=\"/static/practice.js\" defer></script>"));
          assertTrue(
              body.contains("3 items in this choice (1 beginner, 1 intermediate, 1 advanced)"));
        });
  }

  @Test
  void theNextItemFollowsTheRatingWithoutJavaScript() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String first = assertPage(client.get("/practice?article=empathy"), 200);
          Matcher harder =
              Pattern.compile("href=\"(/practice\\?[^\"]+)\" data-rating=\"easy\"").matcher(first);
          assertTrue(harder.find(), first);
          String next = assertPage(client.get(harder.group(1).replace("&amp;", "&")), 200);
          assertTrue(next.contains("difficulty-intermediate\">Intermediate"), next);
          assertTrue(next.contains("My sister never calls anymore. I guess she's busy."), next);
          Matcher easier =
              Pattern.compile("href=\"(/practice\\?[^\"]+)\" data-rating=\"hard\"").matcher(next);
          assertTrue(easier.find());
          String back = assertPage(client.get(easier.group(1).replace("&amp;", "&")), 200);
          assertTrue(back.contains("Everyone at work hates me."), back);

          String advanced =
              assertPage(client.get("/practice?module=empathy&difficulty=advanced"), 200);
          assertTrue(advanced.contains("You've never lost a kid."), advanced);
          String mixed = assertPage(client.get("/practice"), 200);
          assertTrue(mixed.contains("class=\"client-line\""));
          String none = assertPage(client.get("/practice?module=alliance"), 200);
          assertTrue(none.contains("No practice items match this choice."));
          assertPage(client.get("/practice?difficulty=expert"), 400);
          assertPage(client.get("/practice?module=nope"), 400);
          assertPage(client.get("/practice?article=nope"), 400);
          assertPage(client.get("/practice?article=empathy&item=empathy-00000000"), 404);
        });
  }

  @Test
  void anArticlePageShowsItsMisstepAsOneAndLinksToPractice() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/articles/mandated-clients"), 200);
          assertTrue(
              body.contains(
                  "<p class=\"turn turn-misstep\"><strong>Counselor (misstep):</strong> If you"
                      + " follow the program"),
              body);
          assertTrue(body.contains("<p class=\"turn turn-client\"><strong>Client:</strong>"));
          assertInOrder(
              body,
              "<h2 id=\"practice\">Practice</h2>",
              "href=\"/practice?article=mandated-clients\">Practice this skill</a>",
              "1 beginner, 1 intermediate, 1 advanced",
              "Reflects the client's view without defending the referral",
              "Show the statements with model responses",
              "This is a waste of my time.",
              "<h2 id=\"sources\">Sources</h2>");
          String practice = assertPage(client.get("/practice?article=mandated-clients"), 200);
          assertFalse(practice.contains("If you follow the program"), "no misstep as a model");
        });
  }

  @Test
  void theDiaryPageSaysItNeedsJavaScriptAndKeepsNothingOnTheServer() {
    JavalinTest.test(
        new WebApp(kb).javalin(),
        (server, client) -> {
          String body = assertPage(client.get("/practice/diary"), 200);
          assertTrue(body.contains("data-without-script"));
          assertTrue(body.contains("needs JavaScript to show"));
          assertTrue(body.contains("id=\"diary-csv\""));
          assertTrue(body.contains("id=\"diary-json\""));
          assertTrue(body.contains("id=\"diary-clear\""));
        });
  }
}
