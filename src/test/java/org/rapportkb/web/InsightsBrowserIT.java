package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapportkb.Fixture;
import org.rapportkb.HeadlessChromium;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.insights.LogLine;
import org.rapportkb.insights.SearchLog;

/**
 * Insights for trainers in a real browser: a trainee runs a few searches from the search box (with
 * suggestions popping up as they type) and opens one result; a trainer follows the footer link to
 * the insights page and finds them there, with nothing in the browser to tell who searched.
 *
 * <p>NOTE: skipped where Chromium is not installed, but failed on CI ({@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsBrowserIT {

  private Path home;
  private Served served;
  private Browser browser;
  private KnowledgeBase kb;
  private ChromeDriver driver;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.require();
    home = dir.resolve("kb");
    KnowledgeBase.Paths paths = Fixture.copyTo(home);
    Files.writeString(paths.config().resolve("insights.yml"), "enabled: true\nretentionDays: 7\n");
    kb = KnowledgeBase.open(paths);
    kb.sync(false, ProgressListener.NONE);
    served = Served.start(kb);
    browser = Browser.start(dir.resolve("profile"), served.base());
    driver = browser.driver();
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(browser, served);
  }

  private WebDriverWait waiting() {
    return browser.waiting();
  }

  private void open(String path) {
    browser.open(path);
  }

  private void waitForPage() {
    browser.waitForPage();
  }

  /** Types {@code query} into the search page's box letter by letter, then presses Enter. */
  private void search(String query) {
    open("/search");
    WebElement input = driver.findElement(By.id("q"));
    for (char letter : query.toCharArray()) {
      input.sendKeys(String.valueOf(letter));
    }
    input.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.urlContains("/search?q="));
    waitForPage();
  }

  private void click(WebElement element) {
    browser.click(element);
  }

  private List<List<String>> rows(String table) {
    return driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
        .toList();
  }

  @Test
  void searchesAndAnOpenedResultShowOnTheInsightsPage() throws Exception {
    search("silence");
    WebElement notice = driver.findElement(By.id("search-recorded"));
    assertTrue(notice.isDisplayed());
    assertTrue(
        notice.getText().startsWith("Searches are recorded anonymously to improve the curriculum"),
        notice.getText());
    WebElement first = driver.findElement(By.cssSelector(".result .result-title a"));
    assertTrue(first.getAttribute("href").contains("?search="), first.getAttribute("href"));
    click(first);
    waiting().until(ExpectedConditions.urlContains("/articles/using-silence"));
    waitForPage();

    search("xqzv");
    assertEquals(1, driver.findElements(By.cssSelector(".empty-state")).size());
    search("empathy");
    search("silence");
    assertTrue(driver.manage().getCookies().isEmpty(), "no cookie is set");

    click(driver.findElement(By.linkText("Insights for trainers")));
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/insights"));
    waitForPage();
    String status = driver.findElement(By.id("insights-status")).getText();
    assertTrue(status.startsWith("The search log is on."), status);
    assertTrue(status.contains("kept 7 days"), status);
    assertTrue(
        driver
            .findElement(By.id("insights-summary"))
            .getText()
            .startsWith("4 searches of 3 different queries since"),
        driver.findElement(By.id("insights-summary")).getText());

    List<List<String>> frequent = rows("insights-frequent");
    assertEquals(List.of("silence", "2", "1", "2", "Using silence"), frequent.get(0));
    assertEquals(3, frequent.size(), frequent.toString());
    assertEquals(List.of(List.of("xqzv", "1", "no results", "none")), rows("insights-unanswered"));
    assertEquals(
        List.of("empathy"), rows("insights-unopened").stream().map(r -> r.get(0)).toList());

    // What the log holds: only the fields of the entries, nothing about the browser.
    List<LogLine> lines =
        new SearchLog(home.resolve("insights")).read(LocalDate.now().minusDays(1));
    assertEquals(5, lines.size(), lines.toString());
    try (Stream<Path> files = Files.list(home.resolve("insights"))) {
      String text = String.join("\n", Files.readAllLines(files.findFirst().orElseThrow()));
      assertFalse(text.contains("127.0.0.1"), text);
      assertFalse(text.contains("Chrome"), text);
    }
  }
}
