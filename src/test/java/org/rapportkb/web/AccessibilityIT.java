package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapportkb.Fixture;
import org.rapportkb.HeadlessChromium;

/**
 * Every page type checked by axe-core in a real browser, light and dark, on a laptop and a phone
 * viewport, with a screenshot of each under {@code target/screenshots}; and the search page's phone
 * layout and keyboard path to the results.
 *
 * <p>NOTE: skipped where Chromium is not installed, but failed on CI ({@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {
  private static final Duration WAIT = Browser.WAIT;

  /** One page of each kind, with the name its screenshots get. */
  private static final Map<String, String> PAGES =
      new java.util.LinkedHashMap<>(
          Map.ofEntries(
              Map.entry("home", "/"),
              Map.entry("search", "/search?q=silence"),
              Map.entry("search-empty", "/search?q=zzzzqqq"),
              Map.entry("article", "/articles/mandated-clients"),
              Map.entry("module", "/categories/attending"),
              Map.entry("tag", "/tags/listening"),
              Map.entry("curriculum", "/curriculum"),
              Map.entry("practice", "/practice?article=empathy"),
              Map.entry("diary", "/practice/diary"),
              Map.entry("insights", "/insights"),
              Map.entry("not-found", "/articles/no-such-article")));

  private record Viewport(String name, int width, int height, boolean mobile) {}

  private static final List<Viewport> VIEWPORTS =
      List.of(new Viewport("laptop", 1280, 900, false), new Viewport("phone", 390, 844, true));

  private Served served;
  private Browser browser;
  private ChromeDriver driver;
  private String axe;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.require();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
      assertNotNull(in, "axe.min.js on the test classpath");
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    served = Served.start(Fixture.openIndexed(dir.resolve("kb")));
    browser = Browser.start(dir.resolve("profile"), served.base());
    driver = browser.driver();
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(browser, served);
  }

  private void emulate(Viewport viewport, String scheme) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            viewport.width(),
            "height",
            viewport.height(),
            "deviceScaleFactor",
            1,
            "mobile",
            viewport.mobile()));
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  private void open(String path) {
    browser.open(path);
  }

  /** The violations axe-core finds on the open page, one line each. */
  @SuppressWarnings("unchecked")
  private List<String> violations() {
    driver.executeScript(axe);
    Object result =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) {"
                + "  return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })"
                + "      .join(', ');"
                + "})); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
    return (List<String>) result;
  }

  @Test
  void everyPageTypePassesAxeInLightAndDarkOnALaptopAndAPhone() throws Exception {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    List<String> found = new ArrayList<>();
    for (Viewport viewport : VIEWPORTS) {
      for (String scheme : List.of("light", "dark")) {
        emulate(viewport, scheme);
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
          open(page.getValue());
          for (String violation : violations()) {
            found.add(page.getValue() + " [" + scheme + ", " + viewport.name() + "] " + violation);
          }
          browser.screenshot(page.getKey() + "-" + scheme + "-" + viewport.name());
        }
      }
    }
    assertEquals(List.of(), found, String.join("\n", found));
  }

  @Test
  void onAPhoneTheFiltersWaitBehindTheirButtonAboveTheResults() {
    emulate(VIEWPORTS.get(1), "light");
    open("/search?q=silence");
    WebElement panel = driver.findElement(By.cssSelector("details.facet-panel"));
    WebElement summary = panel.findElement(By.tagName("summary"));
    assertTrue(summary.isDisplayed(), "the Filters button shows on a phone");
    assertEquals(null, panel.getAttribute("open"), "the filters start folded");
    WebElement results = driver.findElement(By.id("results"));
    assertTrue(
        summary.getLocation().getY() < results.getLocation().getY(),
        "the button sits above the results");
    summary.click();
    new WebDriverWait(driver, WAIT).until(d -> panel.getAttribute("open") != null);
    assertTrue(driver.findElement(By.cssSelector(".facet-link")).isDisplayed());

    emulate(VIEWPORTS.get(0), "light");
    open("/search?q=silence");
    WebElement wide = driver.findElement(By.cssSelector("details.facet-panel"));
    assertTrue(wide.getAttribute("open") != null, "open beside the results on a laptop");
    assertTrue(!wide.findElement(By.tagName("summary")).isDisplayed());
  }

  @Test
  void theFirstResultIsAFewTabPressesAway() {
    emulate(VIEWPORTS.get(0), "light");
    open("/search?q=silence");
    driver.executeScript("document.activeElement.blur();");
    Actions keys = new Actions(driver);
    List<Object> path = new ArrayList<>();
    for (int presses = 1; presses <= 15; presses++) {
      keys.sendKeys(Keys.TAB).perform();
      Object focused = driver.executeScript("return document.activeElement.textContent.trim();");
      path.add(focused);
      if ("Skip to results".equals(focused)) {
        keys.sendKeys(Keys.ENTER).perform();
        keys.sendKeys(Keys.TAB).perform();
        String href = driver.switchTo().activeElement().getAttribute("href");
        assertTrue(href != null && href.contains("/articles/"), "first result link: " + href);
        return;
      }
    }
    throw new AssertionError("no 'Skip to results' link within 15 Tab presses: " + path);
  }

  @Test
  void theModuleSidebarAndTheSectionInViewAreMarked() {
    emulate(VIEWPORTS.get(0), "light");
    open("/articles/using-silence");
    WebElement current = driver.findElement(By.cssSelector(".module-nav a[aria-current='page']"));
    assertEquals("Using silence", current.getText());
    assertEquals(2, driver.findElements(By.cssSelector(".module-nav li")).size());
    assertEquals(
        "What it is",
        driver.findElement(By.cssSelector(".toc a[aria-current='location']")).getText(),
        "at the top, the first section is the one being read");
    driver.executeScript(
        "document.getElementById('common-pitfalls').scrollIntoView({behavior: 'instant'});");
    new WebDriverWait(driver, WAIT)
        .until(
            d ->
                "Common pitfalls"
                    .equals(
                        d.findElement(By.cssSelector(".toc a[aria-current='location']"))
                            .getText()));
    assertEquals(1, driver.findElements(By.cssSelector(".toc a[aria-current]")).size());
    assertTrue(
        driver.findElement(By.cssSelector(".pager-next")).getText().contains("Next module"),
        "the last article of a module leads into the next one");
  }

  @Test
  void atThreeHundredTwentyPixelsNothingScrollsSidewaysAndChipsAreBigEnoughToTap() {
    emulate(new Viewport("narrow", 320, 640, true), "light");
    for (String path :
        List.of("/practice?article=empathy", "/search?q=silence", "/articles/empathy")) {
      open(path);
      Number overflow =
          (Number)
              driver.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      Object wide =
          driver.executeScript(
              "var w = document.documentElement.clientWidth; return"
                  + " Array.prototype.filter.call(document.querySelectorAll('body *'),"
                  + " function (e) { return e.getBoundingClientRect().right > w + 1; })"
                  + ".slice(0, 5).map(function (e) { return e.tagName + '.' + e.className + '#' + e.id; });");
      assertEquals(0, overflow.intValue(), path + " scrolls sideways: " + wide);
    }
    open("/articles/empathy");
    for (WebElement chip : driver.findElements(By.cssSelector("a.tag"))) {
      assertTrue(chip.getSize().getHeight() >= 24, "tag chip height " + chip.getSize());
    }
  }
}
