package org.rapportkb;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its own ChromeDriver, for the browser tests.
 *
 * <p>NOTE: where Chromium is not installed the tests are skipped with a message, except on CI
 * ({@code CI=true}), which installs it and where they must run.
 */
public final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Skips the calling test where no browser is installed, or fails it on CI. */
  public static void require() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String missing =
        "headless Chromium is not installed ("
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + "; apt-get install chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) {
      fail(missing + ": on CI the browser tests must run");
    }
    assumeTrue(false, "browser tests skipped: " + missing);
  }

  /** Starts a headless browser with its profile in {@code profile}; nothing is downloaded. */
  public static ChromeDriver start(Path profile) {
    return start(profile, true);
  }

  /** Starts a headless browser that runs page scripts or, as some readers' do, does not. */
  public static ChromeDriver start(Path profile, boolean javascript) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1280,900");
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
