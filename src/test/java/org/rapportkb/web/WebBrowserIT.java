package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapportkb.Fixture;
import org.rapportkb.HeadlessChromium;
import org.rapportkb.KnowledgeBase;

/**
 * The pages in a real browser (headless Chromium): search-as-you-type with the keyboard, facets,
 * the table of contents, and an open article page reloading when its file is saved. Screenshots of
 * the main pages go to {@code target/screenshots}.
 *
 * <p>NOTE: skipped where Chromium is not installed, but failed on CI ({@code CI=true}), which
 * installs it ({@code apt-get install chromium chromium-driver}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebBrowserIT {

  private Served served;
  private Browser browser;
  private KnowledgeBase kb;
  private ChromeDriver driver;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.require();
    served = Served.watched(Fixture.openIndexed(dir.resolve("kb")));
    kb = served.kb();
    browser = Browser.start(dir.resolve("profile"), served.base());
    driver = browser.driver();
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(browser, served);
  }

  @BeforeEach
  void wideWindow() {
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  private WebDriverWait waiting() {
    return browser.waiting();
  }

  private void open(String path) {
    browser.open(path);
  }

  private Object script(String code, Object... args) {
    return browser.script(code, args);
  }

  private void screenshot(String name) throws Exception {
    browser.screenshot(name);
  }

  private void click(WebElement element) {
    browser.click(element);
  }

  private List<WebElement> options(String listId) {
    return driver.findElements(By.cssSelector("#" + listId + " [role=option]"));
  }

  @Test
  void pickASuggestionWithTheKeyboard() throws Exception {
    open("/");
    screenshot("home");
    new Actions(driver).sendKeys("/").perform();
    WebElement input = driver.findElement(By.id("q"));
    assertEquals(input, driver.switchTo().activeElement(), "'/' focuses the search box");
    assertEquals("combobox", input.getAttribute("role"));

    input.sendKeys("refl");
    WebElement list = driver.findElement(By.id("q-list"));
    waiting().until(ExpectedConditions.visibilityOf(list));
    assertEquals("true", input.getAttribute("aria-expanded"));
    List<WebElement> suggestions = options("q-list");
    assertTrue(suggestions.size() >= 2, "suggestions for 'refl'");

    input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    WebElement second = suggestions.get(1);
    assertEquals("true", second.getAttribute("aria-selected"));
    assertEquals(second.getAttribute("id"), input.getAttribute("aria-activedescendant"));
    input.sendKeys(Keys.ARROW_UP);
    WebElement first = suggestions.get(0);
    assertEquals("true", first.getAttribute("aria-selected"));
    assertEquals("false", second.getAttribute("aria-selected"));

    String slug = first.getAttribute("data-slug");
    String title = kb.library().get(slug).orElseThrow().article().title();
    input.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/articles/" + slug));
    assertEquals(title, driver.findElement(By.tagName("h1")).getText());
  }

  @Test
  void escapeClosesTheSuggestionsAndEnterSearches() {
    open("/");
    WebElement input = driver.findElement(By.id("q"));
    input.sendKeys("mirr");
    WebElement list = driver.findElement(By.id("q-list"));
    waiting().until(ExpectedConditions.visibilityOf(list));
    WebElement alias = options("q-list").get(0);
    assertEquals("mirroring \u2014 Reflective listening", alias.getText());
    assertEquals("reflective-listening", alias.getAttribute("data-slug"));
    input.sendKeys(Keys.ESCAPE);
    waiting().until(ExpectedConditions.invisibilityOf(list));
    assertEquals("false", input.getAttribute("aria-expanded"));
    assertEquals("mirr", input.getAttribute("value"));

    input.clear();
    input.sendKeys("silence", Keys.ENTER);
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/search?q=silence"));
    assertEquals(2, driver.findElements(By.cssSelector(".result")).size());
  }

  @Test
  void brokenSyntaxInTheSearchBoxGivesResultsAndSaysWhatRan() throws Exception {
    open("/");
    WebElement input = driver.findElement(By.id("q"));
    input.sendKeys("listening/silence", Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/search?q="));
    screenshot("search-forgiven");
    WebElement searched = driver.findElement(By.cssSelector(".searched"));
    assertTrue(searched.getText().startsWith("Showing results for"), searched.getText());
    assertEquals("listening silence", searched.findElement(By.tagName("q")).getText());
    List<WebElement> results = driver.findElements(By.cssSelector(".result"));
    assertTrue(results.size() >= 2, "results, not an error");
    WebElement from = results.get(0).findElement(By.cssSelector(".passage a"));
    assertTrue(from.getAttribute("href").contains("/articles/"), from.getAttribute("href"));
    click(from);
    waiting().until(ExpectedConditions.urlContains("/articles/"));
    assertEquals(1, driver.findElements(By.tagName("h1")).size());
  }

  @Test
  void filterByAFacetKeepingTheQuery() throws Exception {
    open("/search?q=silence");
    assertEquals(2, driver.findElements(By.cssSelector(".result")).size());
    screenshot("search");
    WebElement foundation =
        driver.findElement(
            By.cssSelector(".facet-link[data-facet=level][href*='level=foundation']"));
    click(foundation);
    waiting()
        .until(ExpectedConditions.urlToBe(browser.base() + "/search?q=silence&level=foundation"));
    List<WebElement> results = driver.findElements(By.cssSelector(".result"));
    assertEquals(1, results.size());
    assertTrue(results.get(0).getText().contains("Active listening"));
    assertEquals("silence", driver.findElement(By.id("q")).getAttribute("value"));
    WebElement active = driver.findElement(By.cssSelector(".facet-link.active"));
    assertEquals("true", active.getAttribute("aria-current"));

    click(active);
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/search?q=silence"));
    assertEquals(2, driver.findElements(By.cssSelector(".result")).size());
  }

  @Test
  void followATableOfContentsLink() throws Exception {
    open("/articles/double-sided-reflections");
    screenshot("article");
    WebElement heading = driver.findElement(By.id("common-pitfalls"));
    assertFalse(inViewport(heading), "the heading starts below the fold");
    driver.findElement(By.cssSelector(".toc a[href='#common-pitfalls']")).click();
    waiting()
        .until(
            ExpectedConditions.urlToBe(
                browser.base() + "/articles/double-sided-reflections#common-pitfalls"));
    waiting().until(d -> inViewport(heading));

    driver.manage().window().setSize(new Dimension(390, 844));
    open("/articles/double-sided-reflections");
    screenshot("article-phone");
    long overflow =
        (Long) script("return document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow);
  }

  private boolean inViewport(WebElement element) {
    return (Boolean)
        script(
            "const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.top < window.innerHeight;",
            element);
  }

  @Test
  void savingAnArticleReloadsItsOpenPage() throws Exception {
    open("/articles/mandated-clients");
    waitForLiveReload();
    markPage();
    Path file = kb.paths().articles().resolve("assessment").resolve("mandated-clients.md");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        text.replace(
            "title: Working with mandated clients",
            "title: Working with mandated clients, revised"),
        StandardCharsets.UTF_8);
    waiting()
        .until(
            d ->
                d.findElement(By.tagName("h1"))
                    .getText()
                    .equals("Working with mandated clients, revised"));
    assertFalse(pageIsMarked(), "the page was reloaded, not patched");
  }

  /**
   * Run before any script of each new page: keeps the event streams the page opens in {@code
   * window.rapportKbStreams}, so that a test can listen on the live-reload script's own stream.
   */
  private static final String KEEP_EVENT_STREAMS =
      """
      (() => {
        const Original = window.EventSource;
        if (!Original) return;
        window.rapportKbStreams = [];
        window.EventSource = class extends Original {
          constructor(url, options) {
            super(url, options);
            window.rapportKbStreams.push(this);
          }
        };
      })();
      """;

  @Test
  void onlyPagesOfChangedArticlesReload() throws Exception {
    Map<String, Object> kept =
        driver.executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument", Map.of("source", KEEP_EVENT_STREAMS));
    try {
      open("/articles/empathy");
      waitForLiveReload();
      markPage();
      // A listener after the page's own on the same stream: events on a stream arrive in order,
      // and each one reaches the live-reload script's listener before this one.
      script(
          """
          window.rapportKbHeard = [];
          window.rapportKbStreams[0].addEventListener("articles-changed", function (event) {
            window.rapportKbHeard.push(JSON.parse(event.data).slugs.join(","));
          });
          """);
      served.app().articlesChanged(List.of("active-listening", "using-silence"));
      // A sentinel: once the page has handled it, it has handled the change before it too.
      served.app().articlesChanged(List.of("double-sided-reflections"));
      waiting().until(d -> heard("double-sided-reflections") || !pageIsMarked());
      assertTrue(pageIsMarked(), "another article changed; this page stays");
      assertEquals(
          List.of("active-listening,using-silence", "double-sided-reflections"),
          script("return window.rapportKbHeard;"));
      assertEquals(
          1L,
          script("return window.rapportKbStreams[0].readyState;"),
          "the page still listens (it closes its stream only to reload)");
    } finally {
      driver.executeCdpCommand(
          "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", kept.get("identifier")));
    }
    served.app().articlesChanged(List.of("empathy"));
    waiting().until(d -> !pageIsMarked());
    waitForLiveReload();
    markPage();
    served.app().articlesChanged(List.of());
    waiting().until(d -> !pageIsMarked());
  }

  private void waitForLiveReload() {
    waiting()
        .until(
            d -> "connected".equals(script("return document.documentElement.dataset.liveReload")));
  }

  /**
   * Whether the test's listener on the page's stream has heard a change of exactly {@code slugs}.
   */
  private boolean heard(String slugs) {
    return Boolean.TRUE.equals(
        script(
            "return Array.isArray(window.rapportKbHeard)"
                + " && window.rapportKbHeard.indexOf(arguments[0]) >= 0;",
            slugs));
  }

  private void markPage() {
    script("window.rapportKbMarker = true;");
  }

  private boolean pageIsMarked() {
    return Boolean.TRUE.equals(script("return window.rapportKbMarker === true;"));
  }
}
