package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.json.Json;

/**
 * {@code serve} as a user runs it: in its own process, announced on one line, stopped by SIGTERM.
 */
class ServeCommandIT {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
  private static final int SIGTERM_EXIT = 143;

  /**
   * A hang guard for each wait on the server: it starts and follows a save within seconds, but a
   * busy machine may take several times that.
   */
  private static final long WAIT_SECONDS = 60;

  private static Process serve(
      KnowledgeBase.Paths paths, Path stdout, Path stderr, String... options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.rapportkb.cli.Main");
    command.add("serve");
    command.addAll(
        List.of(
            "--articles", paths.articles().toString(),
            "--config", paths.config().toString(),
            "--index", paths.index().toString()));
    command.addAll(List.of(options));
    return new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile())
        .start();
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return Json.MAPPER.readTree(response.body());
  }

  private static long total(String base, String query) throws Exception {
    return getJson(base + "/api/search?q=" + query).get("total").asLong();
  }

  @Test
  void servesAnnouncesFollowsChangesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Path stderr = dir.resolve("stderr.txt");
    Path stdout = dir.resolve("stdout.txt");
    Process process = serve(paths, stdout, stderr, "--port", "0");
    try {
      String line = firstLine(stdout, stderr, process);
      Matcher url = URL.matcher(line);
      assertTrue(url.find(), line);
      String base = url.group();
      assertTrue(Integer.parseInt(url.group(1)) > 0);

      JsonNode health = getJson(base + "/health");
      assertEquals("ok", health.get("status").asText());
      assertEquals(6, health.get("articles").asInt());
      assertTrue(health.get("synced").asBoolean(), "a new index is built before it is served");
      HttpResponse<String> css =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "/static/app.css")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, css.statusCode());
      assertTrue(
          css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
          "the static files are served with their types: " + css.headers());

      Path added = addZephyr(paths);
      awaitTotal(base, "zephyr", 1);
      Files.delete(added);
      awaitTotal(base, "zephyr", 0);

      process.destroy();
      assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "serve stops on SIGTERM");
      assertEquals(SIGTERM_EXIT, process.exitValue());
      assertEquals(List.of(line), Files.readAllLines(stdout), "exactly one line on stdout");
    } finally {
      process.destroyForcibly();
    }
    String errors = Files.readString(stderr);
    assertFalse(errors.contains("Exception"), errors);
    try (KnowledgeBase reopened = KnowledgeBase.open(paths)) {
      assertTrue(reopened.writable(), "the index was closed and its lock released");
      assertEquals(6, reopened.library().count());
    }
  }

  @Test
  void anIndexBuiltBeforeIsServedAtOnceAndThenCaughtUpWithTheFolder(@TempDir Path dir)
      throws Exception {
    try (Running server = startAfterASaveWhileStopped(dir, "--port", "0")) {
      awaitSynced(server.base());
      assertEquals(7, getJson(server.base() + "/health").get("articles").asInt());
      assertEquals(1, total(server.base(), "zephyr"), "the article saved meanwhile is served");
    }
  }

  @Test
  void withoutWatchingTheFolderIsComparedBeforeTheAddressIsPrinted(@TempDir Path dir)
      throws Exception {
    try (Running server = startAfterASaveWhileStopped(dir, "--port", "0", "--no-watch")) {
      JsonNode health = getJson(server.base() + "/health");
      assertTrue(health.get("synced").asBoolean());
      assertEquals(7, health.get("articles").asInt());
      assertEquals(1, total(server.base(), "zephyr"));
    }
  }

  /** A server process and the address it announced; closing it stops the process. */
  private record Running(Process process, String base) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
      process.destroyForcibly();
    }
  }

  /**
   * Builds the fixture's index, saves the "zephyr" article while no server runs, then starts one
   * with {@code options} and waits for its address.
   */
  private static Running startAfterASaveWhileStopped(Path dir, String... options) throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
    }
    addZephyr(paths);
    Path stderr = dir.resolve("stderr.txt");
    Process process = serve(paths, dir.resolve("stdout.txt"), stderr, options);
    try {
      String line = firstLine(dir.resolve("stdout.txt"), stderr, process);
      Matcher url = URL.matcher(line);
      assertTrue(url.find(), line);
      return new Running(process, url.group());
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Saves a new published article that the word "zephyr" finds, and returns its file. */
  private static Path addZephyr(KnowledgeBase.Paths paths) throws Exception {
    Path empathy = paths.articles().resolve("empathy").resolve("empathy.md");
    Path added = paths.articles().resolve("empathy").resolve("empathic-zephyr.md");
    Files.writeString(
        added,
        Files.readString(empathy)
            .replace("title: Empathy", "title: Empathic zephyr")
            .replace("aliases: [empathic understanding]", "aliases: []"));
    return added;
  }

  /** Asks for {@code /health} until it says the folder has been compared with the index. */
  private static void awaitSynced(String base) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!getJson(base + "/health").get("synced").asBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("/health still says the folder is being compared");
      }
      Thread.sleep(50);
    }
  }

  private static void awaitTotal(String base, String query, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    long total;
    while ((total = total(base, query)) != expected) {
      if (System.nanoTime() - deadline > 0) {
        fail("'" + query + "' still finds " + total + " articles, not " + expected);
      }
      Thread.sleep(50);
    }
  }

  /** Waits for the server's announcement on its standard output. */
  private static String firstLine(Path stdout, Path stderr, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() - deadline < 0) {
      String text = Files.readString(stdout, StandardCharsets.UTF_8);
      if (text.contains("\n")) {
        return text.substring(0, text.indexOf('\n'));
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    return fail("no line on stdout; stderr: " + Files.readString(stderr));
  }

  @Test
  void aPortInUseIsOneClearErrorLine(@TempDir Path dir) throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Path stderr = dir.resolve("stderr.txt");
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Path stdout = dir.resolve("stdout.txt");
      Process process =
          serve(
              paths, stdout, stderr, "--port", String.valueOf(taken.getLocalPort()), "--no-watch");
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, process.exitValue());
      assertEquals("", Files.readString(stdout));
    }
    List<String> errors = Files.readAllLines(stderr);
    String last = errors.get(errors.size() - 1);
    assertTrue(last.startsWith("error: cannot listen on 127.0.0.1:"), String.join("\n", errors));
    assertTrue(last.endsWith(": address already in use"), last);
    assertFalse(String.join("\n", errors).contains("\tat "), "no stack trace");
    try (KnowledgeBase reopened = KnowledgeBase.open(paths)) {
      assertTrue(reopened.writable(), "the index was closed");
    }
  }

  @Test
  void aBadPortIsAUsageError(@TempDir Path dir) throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    Path stderr = dir.resolve("stderr.txt");
    Process process = serve(paths, dir.resolve("stdout.txt"), stderr, "--port", "70000");
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue());
    assertEquals(List.of("error: --port must be between 0 and 65535"), Files.readAllLines(stderr));
  }
}
