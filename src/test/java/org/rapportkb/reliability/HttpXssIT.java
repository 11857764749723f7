package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapportkb.HeadlessChromium;
import org.rapportkb.json.Json;

/**
 * The hostile articles of {@link HostileArticleTest} served over HTTP: no page (article, search
 * results, suggestions, practice, listings, error pages) and no JSON carries markup that runs,
 * checked in the markup and, where Chromium is installed, in a real browser's live DOM.
 */
class HttpXssIT {
  private static final String SCRIPT_QUERY = "\"><script>alert('pwned')</script>";

  private static final List<String> PAGES =
      List.of(
          "/articles/xss-everywhere",
          "/search?q=pwned",
          "/search?q=hostile",
          "/search?q=listening+summary",
          "/search?q=" + WebFixture.encode(SCRIPT_QUERY),
          "/search?q=" + WebFixture.encode("<svg onload=alert('pwned')>") + "&category=empathy",
          "/search?q=" + WebFixture.encode(SCRIPT_QUERY) + "&page=abc",
          "/search?q="
              + WebFixture.encode(SCRIPT_QUERY)
              + "&category="
              + WebFixture.encode(SCRIPT_QUERY),
          "/search?q=&tag=listening",
          "/practice",
          "/practice?category=empathy",
          "/practice?category=empathy&level=foundation",
          "/categories/empathy",
          "/tags/listening",
          "/curriculum",
          "/",
          "/articles/" + WebFixture.encode("<script>alert('pwned')</script>"),
          "/nowhere/" + WebFixture.encode(SCRIPT_QUERY));

  @TempDir static Path dir;
  private static WebFixture web;

  /** The practice page showing the hostile article's exchange. */
  private static String hostilePractice;

  @BeforeAll
  static void start() throws Exception {
    web = WebFixture.start(dir);
    hostilePractice = "/practice?article=xss-everywhere&difficulty=beginner";
  }

  private static List<String> pages() {
    List<String> pages = new ArrayList<>(PAGES);
    pages.add(hostilePractice);
    return pages;
  }

  @AfterAll
  static void stop() throws IOException {
    web.close();
  }

  @Test
  void noPageCarriesExecutableMarkup() throws Exception {
    List<String> problems = new ArrayList<>();
    for (String page : pages()) {
      RawHttp.Response response = web.get(page);
      WebFixture.assertSafeResponse(page, response);
      assertTrue(response.header("Content-Type").startsWith("text/html"), page);
      for (String problem : ExecutableMarkup.inPage(response.text())) {
        problems.add(page + ": " + problem);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theHostileArticleReallyAppearsEscapedWhereItShould() throws Exception {
    String article = web.get("/articles/xss-everywhere").text();
    assertTrue(article.contains("Hostile &lt;script&gt;alert("), "escaped title on its page");
    assertTrue(article.contains("shown as code"));
    String results = web.get("/search?q=pwned").text();
    assertTrue(results.contains("/articles/xss-everywhere"), "found by search");
    assertTrue(results.contains("&lt;img src=x onerror=alert("), "escaped summary in results");
    String practice = web.get(hostilePractice).text();
    assertTrue(
        practice.contains("I feel unheard &lt;b&gt;"), "escaped client line on the practice page");
    assertTrue(practice.contains("&lt;img src=x onerror=alert("), "escaped counselor line");
    String searchAgain = web.get("/search?q=" + WebFixture.encode(SCRIPT_QUERY)).text();
    assertTrue(searchAgain.contains("&lt;script&gt;"), "the query is shown again, escaped");
  }

  @Test
  void theJsonApiCarriesOnlySanitizedHtmlAndEscapedSnippets() throws Exception {
    RawHttp.Response article = web.get("/api/articles/xss-everywhere");
    assertEquals(200, article.status());
    assertTrue(article.header("Content-Type").startsWith("application/json"));
    JsonNode detail = Json.MAPPER.readTree(article.text());
    assertEquals(HostileArticleTest.TITLE, detail.get("title").asText());
    assertEquals(List.of(), ExecutableMarkup.inFragment(detail.get("html").asText()));

    JsonNode search = Json.MAPPER.readTree(web.get("/api/search?q=pwned&size=50").text());
    assertTrue(search.get("total").asInt() > 0);
    for (JsonNode hit : search.get("hits")) {
      String snippet = hit.get("snippet").asText().replace("<mark>", "").replace("</mark>", "");
      assertFalse(snippet.contains("<") || snippet.contains(">"), snippet);
    }

    RawHttp.Response suggest = web.get("/api/suggest?q=" + WebFixture.encode("<svg"));
    assertEquals(200, suggest.status());
    assertTrue(suggest.header("Content-Type").startsWith("application/json"));
    assertEquals("nosniff", suggest.header("X-Content-Type-Options"));
  }

  @Test
  void inARealBrowserNothingRunsAndTheLiveDomStaysInert() throws Exception {
    HeadlessChromium.require();
    ChromeDriver driver = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")));
    try {
      List<String> problems = new ArrayList<>();
      for (String page : pages()) {
        driver.get(web.base() + page);
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(d -> "complete".equals(script(driver, "return document.readyState")));
        problems.addAll(livePageProblems(driver, page));
      }
      driver.get(web.base() + "/search");
      WebElement box = driver.findElement(By.cssSelector("main [data-suggest], [data-suggest]"));
      for (String typed : List.of("Hostile <scr", "<svg onl", "\"><")) {
        box.clear();
        box.sendKeys(typed);
        // The list is shown for this text once its answer is in the page (or an alert ran).
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(d -> alertIsOpen(d) || suggestionsShownFor(driver, typed.strip()));
        problems.addAll(livePageProblems(driver, "suggestions for " + typed));
      }
      assertEquals(List.of(), problems);
    } finally {
      driver.quit();
    }
  }

  /** Whether the suggestion list ends with the "search all" row for {@code query}. */
  private static boolean suggestionsShownFor(ChromeDriver driver, String query) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) driver)
            .executeScript(
                "const all = document.querySelector('.suggestion-search-all');"
                    + " return all !== null && all.getAttribute('data-search') === arguments[0];",
                query));
  }

  private static boolean alertIsOpen(WebDriver driver) {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** Alerts that fired and active elements or handlers present in the live DOM. */
  private static List<String> livePageProblems(ChromeDriver driver, String page) {
    List<String> problems = new ArrayList<>();
    try {
      String text = driver.switchTo().alert().getText();
      driver.switchTo().alert().dismiss();
      problems.add(page + ": an alert ran: " + text);
    } catch (NoAlertPresentException expected) {
      // Nothing ran.
    }
    Object found =
        script(
            driver,
            """
            const bad = [];
            document.querySelectorAll('*').forEach(e => {
              const tag = e.tagName.toLowerCase();
              if (['iframe','object','embed','frame','base','math','style','foreignobject'].includes(tag)) {
                bad.push(tag);
              }
              if (tag === 'script' && !e.src) bad.push('inline script');
              if (tag === 'script' && e.src && new URL(e.src).origin !== location.origin) bad.push(e.src);
              for (const a of e.attributes) {
                const v = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
                if (a.name.startsWith('on')) bad.push(tag + ' ' + a.name);
                if (['href','src','action','formaction','xlink:href','data'].includes(a.name)
                    && /^(javascript|vbscript|data):/.test(v)) bad.push(tag + ' ' + a.name + '=' + v);
              }
            });
            return bad.join(', ');
            """);
    if (found != null && !found.toString().isEmpty()) {
      problems.add(page + ": " + found);
    }
    return problems;
  }

  private static Object script(ChromeDriver driver, String code) {
    return ((JavascriptExecutor) driver).executeScript(code);
  }
}
