package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapportkb.Fixture;
import org.rapportkb.HeadlessChromium;

/**
 * Deliberate practice in a real browser: a session of ten rated items on one skill, the diary and
 * the items due afterwards, the keyboard keys, the approximate hints over a labelled set, and the
 * page with JavaScript switched off.
 *
 * <p>NOTE: skipped where Chromium is not installed, but failed on CI ({@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticeBrowserIT {
  private static final Duration WAIT = Browser.WAIT;

  private Served served;
  private Browser browser;
  private Browser withoutScript;
  private ChromeDriver driver;
  private ChromeDriver noScript;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    HeadlessChromium.require();
    served = Served.start(Fixture.openIndexed(dir.resolve("kb")));
    browser = Browser.start(dir.resolve("profile"), served.base());
    withoutScript = Browser.start(dir.resolve("no-script"), served.base(), false);
    driver = browser.driver();
    noScript = withoutScript.driver();
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(browser, withoutScript, served);
  }

  @BeforeEach
  void freshBrowserMemory() {
    driver.manage().window().setSize(new Dimension(1280, 900));
    open(driver, "/practice/diary");
    script("window.localStorage.clear(); window.sessionStorage.clear();");
  }

  private void open(ChromeDriver which, String path) {
    (which == noScript ? withoutScript : browser).open(path);
  }

  private Object script(String code, Object... args) {
    return browser.script(code, args);
  }

  private String currentItem() {
    return driver.findElement(By.id("practice-card")).getAttribute("data-item");
  }

  /** Waits until the page shows an item other than {@code previous}, or the diary. */
  private void waitForNextPage(String previousUrl) {
    new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().equals(previousUrl));
    new WebDriverWait(driver, WAIT)
        .until(d -> "complete".equals(script("return document.readyState")));
  }

  private void click(WebElement element) {
    browser.click(element);
  }

  /** Presses a key with nothing focused, as a reader using the keyboard would. */
  private void press(String key) {
    script("if (document.activeElement) { document.activeElement.blur(); }");
    new Actions(driver).sendKeys(key).perform();
  }

  @Test
  void aSessionOfTenRatedItemsEndsInTheDiaryWithTheHardOnesDue() {
    open(driver, "/practice?article=empathy");
    Map<String, String> lastRating = new java.util.HashMap<>();
    List<String> ratings = List.of("good", "easy", "hard");
    for (int i = 0; i < 10; i++) {
      WebElement card = driver.findElement(By.id("practice-card"));
      String progress = driver.findElement(By.id("practice-session")).getAttribute("textContent");
      assertTrue(progress.contains("item " + (i + 1) + " of 10"), progress);
      driver.findElement(By.id("practice-answer")).sendKeys("You sound worn out, response " + i);
      press("r");
      new WebDriverWait(driver, WAIT)
          .until(d -> d.findElement(By.id("practice-reveal")).getAttribute("open") != null);
      click(driver.findElement(By.cssSelector(".criterion input")));
      String rating = ratings.get(i % 3);
      lastRating.put(card.getAttribute("data-item"), rating);
      String url = driver.getCurrentUrl();
      String key = Map.of("hard", "1", "good", "2", "easy", "3").get(rating);
      press(key);
      waitForNextPage(url);
    }
    assertTrue(
        driver.getCurrentUrl().endsWith("/practice/diary?session=10"), driver.getCurrentUrl());
    assertTrue(driver.findElement(By.id("diary-session")).getText().contains("10 items practised"));
    assertTrue(driver.findElement(By.id("diary-count")).getText().startsWith("10 items practised"));
    String skills = driver.findElement(By.id("diary-skills")).getText();
    assertTrue(skills.contains("Empathy"), skills);

    // Later, in the same browser: the diary still holds the session and lists the hard items due.
    open(driver, "/");
    open(driver, "/practice/diary");
    List<String> due =
        driver.findElements(By.cssSelector("#diary-due a")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    // An item whose last rating was "too hard" is due at once; the others rest a day or more.
    lastRating.forEach(
        (id, rating) ->
            assertEquals(
                rating.equals("hard"),
                due.stream().anyMatch(href -> href.endsWith("item=" + id)),
                id + " rated " + rating + ", due: " + due));
    assertTrue(lastRating.containsValue("hard"), "the session rated some item too hard last");
    String attempts = driver.findElement(By.id("diary-attempts")).getText();
    assertTrue(attempts.contains("You sound worn out, response 9"), attempts);
    assertTrue(attempts.contains("1 of 3"), attempts);

    String csv =
        (String)
            script(
                "return RapportPractice.csv(JSON.parse(localStorage.getItem('rapport-kb.practice')));");
    List<String> lines = csv.lines().toList();
    assertEquals(11, lines.size(), csv);
    assertEquals(
        "date,skill,difficulty,rating,criteria_met,criteria_total,client,response", lines.get(0));

    // Clearing takes a second, deliberate click.
    WebElement clear = driver.findElement(By.id("diary-clear"));
    click(clear);
    assertTrue(driver.findElement(By.id("diary-empty")).getAttribute("hidden") != null);
    click(clear);
    assertNull(driver.findElement(By.id("diary-empty")).getAttribute("hidden"));
    assertNull(script("return localStorage.getItem('rapport-kb.practice');"));
  }

  @Test
  void keysRevealAndSkipAndTheTimerAndHintsWork() {
    open(driver, "/practice?article=empathy");
    WebElement reveal = driver.findElement(By.id("practice-reveal"));
    assertNull(reveal.getAttribute("open"));
    assertFalse(
        driver.findElement(By.cssSelector("[data-without-script]")).isDisplayed(),
        "with JavaScript the note about it is hidden");
    WebElement models = driver.findElement(By.cssSelector(".model-responses"));
    assertFalse(models.isDisplayed(), "model responses start hidden");
    press("r");
    new WebDriverWait(driver, WAIT).until(d -> models.isDisplayed());
    assertEquals("Hide model responses", reveal.findElement(By.tagName("summary")).getText());
    press("r");
    new WebDriverWait(driver, WAIT).until(d -> !models.isDisplayed());

    // Typing "r" or "n" into the response is writing, not a key command.
    WebElement answer = driver.findElement(By.id("practice-answer"));
    answer.sendKeys("Why did you not run?");
    assertNull(reveal.getAttribute("open"));
    click(driver.findElement(By.id("practice-hints-button")));
    String hints = driver.findElement(By.id("practice-hints")).getText();
    assertTrue(hints.contains("\u201cwhy\u201d question"), hints);

    click(driver.findElement(By.id("practice-timer")));
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElement(By.id("practice-timer-display")).getText().equals("0:01"));
    click(driver.findElement(By.id("practice-timer")));
    assertEquals("Start timer", driver.findElement(By.id("practice-timer")).getText());

    String first = currentItem();
    String url = driver.getCurrentUrl();
    press("n");
    waitForNextPage(url);
    assertNotEquals(first, currentItem(), "n moves on to another item");
    assertTrue(driver.getCurrentUrl().contains("session=1"));
    assertEquals(
        "0",
        String.valueOf(
            script(
                "return JSON.parse(localStorage.getItem('rapport-kb.practice') || '{\"attempts\":[]}').attempts.length;")),
        "a skipped item is not recorded as practised");
  }

  @Test
  void theHintsMatchTheLabelledSet() throws Exception {
    open(driver, "/practice?article=empathy");
    List<String> rows =
        Files.readAllLines(
            Path.of("src/test/resources/practice/hints.tsv"), StandardCharsets.UTF_8);
    int checked = 0;
    for (String row : rows.subList(1, rows.size())) {
      if (row.startsWith("#") || row.startsWith("response\t") || row.isBlank()) {
        continue;
      }
      String[] cols = row.split("\t");
      List<String> criteria = List.of(cols[2].split(" \\| "));
      Object codes =
          script(
              "return RapportPractice.hints(arguments[0], arguments[1], arguments[2])"
                  + ".map(function (h) { return h.code; }).sort().join(',') || '-';",
              cols[0],
              cols[1],
              criteria);
      String expected =
          String.join(",", java.util.Arrays.stream(cols[3].split(",")).sorted().toList());
      assertEquals(expected, codes, "hints for: " + cols[0]);
      checked++;
    }
    assertTrue(checked >= 20, "labelled rows: " + checked);
  }

  @Test
  void withoutJavaScriptTheRevealAndTheRatingLinksStillWork() {
    open(noScript, "/practice?article=empathy");
    WebElement models = noScript.findElement(By.cssSelector(".model-responses"));
    assertFalse(models.isDisplayed());
    WebElement summary = noScript.findElement(By.cssSelector("#practice-reveal summary"));
    new Actions(noScript).scrollToElement(summary).perform();
    summary.click();
    new WebDriverWait(noScript, WAIT).until(d -> models.isDisplayed());
    assertTrue(noScript.findElement(By.id("practice-tools")).getAttribute("hidden") != null);
    assertTrue(
        noScript.findElement(By.cssSelector("[data-without-script]")).isDisplayed(),
        "without JavaScript the page says what needs it");
    WebElement tooEasy = noScript.findElement(By.linkText("Too easy"));
    new Actions(noScript).scrollToElement(tooEasy).perform();
    tooEasy.click();
    new WebDriverWait(noScript, WAIT)
        .until(d -> d.getCurrentUrl().contains("difficulty=intermediate"));
    assertEquals(
        "intermediate",
        noScript.findElement(By.id("practice-card")).getAttribute("data-difficulty"));
    open(noScript, "/practice/diary");
    assertFalse(noScript.findElement(By.id("diary")).isDisplayed());
    assertTrue(noScript.findElement(By.cssSelector("[data-without-script]")).isDisplayed());
  }
}
