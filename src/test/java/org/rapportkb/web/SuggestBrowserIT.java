package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

/**
 * Search-as-you-type in a real browser (headless Chromium) over the project's own articles: the
 * order, alias rows that name their article, the marked letters, the "Search all results" row, and
 * the keyboard and ARIA combobox behaviour around them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestBrowserIT {
  private static final String MARKUP_ALIAS = "<b>bold</b> <img src=x onerror=alert(1)> listening";

  private Served served;
  private Browser browser;
  private ChromeDriver driver;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.require();
    Path articles = dir.resolve("articles");
    Path config = dir.resolve("index-config");
    Fixture.copyTree(Path.of("articles"), articles);
    Fixture.copyTree(Path.of("index-config"), config);
    Files.writeString(config.resolve("semantic.yml"), "enabled: false\n", StandardCharsets.UTF_8);
    String perspective =
        Files.readString(articles.resolve("empathy/perspective-taking.md"), StandardCharsets.UTF_8);
    Files.writeString(
        articles.resolve("empathy/markup-in-an-alias.md"),
        perspective
            .replace("title: Perspective-taking", "title: Markup in an alias")
            .replaceFirst("aliases: \\[.*]", "aliases: [\"" + MARKUP_ALIAS + "\"]")
            .replaceFirst("related: \\[.*]\n", ""),
        StandardCharsets.UTF_8);
    KnowledgeBase kb =
        KnowledgeBase.open(new KnowledgeBase.Paths(articles, config, dir.resolve("index")));
    kb.sync(false, ProgressListener.NONE);
    served = Served.start(kb);
    browser = Browser.start(dir.resolve("profile"), served.base());
    driver = browser.driver();
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(browser, served);
  }

  @BeforeEach
  void home() {
    browser.open("/");
  }

  private WebDriverWait waiting() {
    return browser.waiting();
  }

  private Object script(String code, Object... args) {
    return browser.script(code, args);
  }

  /** Types into the home page's search box and waits for the rows that answer {@code typed}. */
  private List<WebElement> type(String typed) {
    WebElement input = input();
    input.sendKeys(typed);
    String last = "Search all results for '" + typed.strip() + "'";
    waiting()
        .until(
            d -> {
              List<WebElement> rows = options();
              return !rows.isEmpty() && rows.get(rows.size() - 1).getText().equals(last);
            });
    return options();
  }

  private WebElement input() {
    return driver.findElement(By.id("q"));
  }

  private List<WebElement> options() {
    return driver.findElements(By.cssSelector("#q-list [role=option]"));
  }

  private void screenshot(String name) throws Exception {
    browser.screenshot(name);
  }

  private static List<String> marks(WebElement row) {
    return row.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
  }

  @Test
  void theWholeTitleComesFirstWithTheTypedLettersMarked() throws Exception {
    List<WebElement> rows = type("emp");
    screenshot("suggestions-emp");
    WebElement first = rows.get(0);
    assertEquals("Empathy", first.getText());
    assertEquals("empathy", first.getAttribute("data-slug"));
    assertEquals(List.of("Emp"), marks(first));
    for (WebElement row : rows.subList(0, rows.size() - 1)) {
      assertFalse(marks(row).isEmpty(), "a marked match in " + row.getText());
      for (String mark : marks(row)) {
        assertEquals("emp", mark.toLowerCase(), row.getText());
      }
    }
  }

  @Test
  void anAliasRowNamesTheArticleItOpens() throws Exception {
    WebElement input = input();
    List<WebElement> rows = type("cognitive emp");
    screenshot("suggestions-alias");
    WebElement alias = rows.get(0);
    assertEquals("cognitive empathy \u2014 Perspective-taking", alias.getText());
    assertEquals(List.of("cognitive", "emp"), marks(alias));
    assertEquals(
        "Perspective-taking",
        alias
            .findElement(By.cssSelector(".suggestion-article"))
            .getText()
            .replace("\u2014", "")
            .strip());

    input.sendKeys(Keys.ARROW_DOWN);
    assertEquals("true", alias.getAttribute("aria-selected"));
    assertEquals(alias.getAttribute("id"), input.getAttribute("aria-activedescendant"));
    input.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/articles/perspective-taking"));
    assertEquals("Perspective-taking", driver.findElement(By.tagName("h1")).getText());
  }

  @Test
  void searchAllResultsIsTheLastRowAndRunsTheFullSearch() {
    WebElement input = input();
    List<WebElement> rows = type("silen");
    assertTrue(rows.size() >= 2, "suggestions and the search row");
    WebElement searchAll = rows.get(rows.size() - 1);
    assertEquals("Search all results for 'silen'", searchAll.getText());
    assertEquals("option", searchAll.getAttribute("role"));
    assertEquals(null, searchAll.getAttribute("data-slug"));
    assertTrue(
        driver.findElement(By.id("q-status")).getAttribute("textContent").contains("Search all"));

    input.sendKeys(Keys.ARROW_UP);
    assertEquals("true", searchAll.getAttribute("aria-selected"), "up from the box: the last row");
    assertEquals(searchAll.getAttribute("id"), input.getAttribute("aria-activedescendant"));
    input.sendKeys(Keys.ARROW_DOWN);
    assertEquals(
        "true", rows.get(0).getAttribute("aria-selected"), "down from the last: the first");
    input.sendKeys(Keys.ARROW_UP);
    input.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/search?q=silen"));
    assertEquals("silen", driver.findElement(By.id("q")).getAttribute("value"));
    assertFalse(driver.findElements(By.cssSelector(".result")).isEmpty(), "the full results");
  }

  @Test
  void withNothingToSuggestOnlyTheSearchRowIsOffered() {
    List<WebElement> rows = type("zqxw");
    assertEquals(1, rows.size());
    assertEquals("Search all results for 'zqxw'", rows.get(0).getText());
    assertTrue(
        driver
            .findElement(By.id("q-status"))
            .getAttribute("textContent")
            .startsWith("No suggestions"));
    rows.get(0).click();
    waiting().until(ExpectedConditions.urlToBe(browser.base() + "/search?q=zqxw"));
  }

  @Test
  void escapeClosesTheListAndTheComboboxKeepsItsRoles() {
    WebElement input = input();
    type("refl");
    WebElement list = driver.findElement(By.id("q-list"));
    assertEquals("combobox", input.getAttribute("role"));
    assertEquals("q-list", input.getAttribute("aria-controls"));
    assertEquals("listbox", list.getAttribute("role"));
    assertEquals("true", input.getAttribute("aria-expanded"));
    input.sendKeys(Keys.ARROW_DOWN);
    input.sendKeys(Keys.ESCAPE);
    waiting().until(ExpectedConditions.invisibilityOf(list));
    assertEquals("false", input.getAttribute("aria-expanded"));
    assertEquals(null, input.getAttribute("aria-activedescendant"));
    assertEquals("refl", input.getAttribute("value"));
  }

  @Test
  void markupInAnAliasIsShownAsText() {
    List<WebElement> rows = type("bold");
    WebElement row =
        rows.stream()
            .filter(r -> "markup-in-an-alias".equals(r.getAttribute("data-slug")))
            .findFirst()
            .orElseThrow();
    assertEquals(MARKUP_ALIAS + " \u2014 Markup in an alias", row.getText());
    assertEquals(List.of("bold"), marks(row));
    assertTrue(row.findElements(By.cssSelector("b, img")).isEmpty(), "no element from the data");
    assertEquals(
        List.of("SPAN", "SPAN"),
        ((List<?>) script("return [...arguments[0].children].map(c => c.tagName)", row)));
  }
}
