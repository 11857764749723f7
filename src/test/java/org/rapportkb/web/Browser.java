package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rapportkb.HeadlessChromium;

/** A headless browser pointed at one server, with the waits and actions the browser tests share. */
final class Browser implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser that runs page scripts, with its profile in {@code profile}. */
  static Browser start(Path profile, String base) throws java.io.IOException {
    return start(profile, base, true);
  }

  static Browser start(Path profile, String base, boolean javascript) throws java.io.IOException {
    return new Browser(HeadlessChromium.start(Files.createDirectories(profile), javascript), base);
  }

  ChromeDriver driver() {
    return driver;
  }

  String base() {
    return base;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  /** Opens a path of the server and waits until the page has loaded. */
  void open(String path) {
    driver.get(base + path);
    waitForPage();
  }

  void waitForPage() {
    waiting().until(d -> "complete".equals(script("return document.readyState")));
  }

  Object script(String code, Object... args) {
    return driver.executeScript(code, args);
  }

  /** Clicks an element once it is scrolled into view (the site scrolls smoothly). */
  void click(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    element.click();
  }

  /** Saves what the browser shows to {@code target/screenshots/NAME.png}. */
  void screenshot(String name) throws java.io.IOException {
    String buildDir = System.getProperty("buildDir");
    Path dir =
        Files.createDirectories(
            Path.of(buildDir == null || buildDir.isBlank() ? "target" : buildDir, "screenshots"));
    Path target = dir.resolve(name + ".png");
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(target) > 1000, "screenshot " + target);
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** Closes each of {@code resources} that was opened (a null was never opened), in order. */
  static void closeAll(AutoCloseable... resources) throws Exception {
    for (AutoCloseable resource : resources) {
      if (resource != null) {
        resource.close();
      }
    }
  }
}
