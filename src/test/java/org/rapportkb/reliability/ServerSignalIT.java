package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.IndexRecovery;

/**
 * SIGTERM to a running {@code serve} (a separate JVM): during a search, the search still gets its
 * answer; during a reindex, the process still ends; either way the next start is clean (the index
 * opens, CheckIndex finds nothing wrong, every article is served).
 *
 * <p>The search and the reindex are surely under way when the signal comes: the config puts a
 * {@link HoldOnceFilterFactory} in their analysis chain, which holds them in the middle, says so on
 * the server's output, and lets them go on when the test creates a file.
 */
class ServerSignalIT {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
  private static final Duration START_BOUND = Duration.ofSeconds(90);
  private static final Duration STOP_BOUND = Duration.ofSeconds(30);

  @TempDir Path dir;
  private Path articles;
  private Path config;
  private Path index;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void corpus() throws IOException {
    articles = TestCorpus.copyArticles(dir.resolve("articles"));
    TestCorpus.generate(articles.resolve("generated"), 300);
    config = TestCorpus.copyConfig(dir.resolve("config"));
    index = dir.resolve("index");
  }

  @Test
  void sigtermDuringASearchLetsTheSearchFinishAndTheNextStartIsClean() throws Exception {
    String word = "zqholdthesearchx";
    Path release = dir.resolve("release-search");
    holdIn("query", word, release);
    try (ForkedCli server = serve()) {
      int port = port(server);
      CompletableFuture<HttpResponse<String>> inFlight =
          http.sendAsync(
              get(port, "/api/search?q=empathy+" + word), HttpResponse.BodyHandlers.ofString());
      server.await(HoldOnceFilterFactory.heldLine(word)::equals, START_BOUND);
      server.terminate();
      // Stopping, the server turns new requests away while it waits for those in flight.
      awaitStatus(port, 503);
      assertFalse(inFlight.isDone(), "the search is still running while the server stops");
      Files.createFile(release);
      HttpResponse<String> answer = inFlight.get(STOP_BOUND.toSeconds(), TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().startsWith("{\"query\":"), answer.body());
      server.waitFor(STOP_BOUND);
      assertFalse(server.output().contains("Exception"), server.output());
    }
    expectCleanRestart();
  }

  @Test
  void sigtermDuringAReindexStopsAndTheNextStartCatchesUp() throws Exception {
    int before = TestCorpus.slugsOnDisk(articles).size();
    String word = TestCorpus.marker(1_300);
    Path release = dir.resolve("release-reindex");
    holdIn("index", word, release);
    try (ForkedCli server = serve()) {
      int port = port(server);
      // 600 articles come in one folder, so that one sync indexes them all; it holds on one.
      Path staging = dir.resolve("staging");
      TestCorpus.generate(staging, 1_000, 600);
      Files.move(staging, articles.resolve("added"), StandardCopyOption.ATOMIC_MOVE);
      server.await(HoldOnceFilterFactory.heldLine(word)::equals, START_BOUND);
      assertEquals(
          200,
          http.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString()).statusCode(),
          "the server answers while it indexes");
      server.terminate();
      Files.createFile(release);
      server.waitFor(STOP_BOUND);
      assertFalse(server.output().contains("Exception"), server.output());
    }
    assertTrue(IndexRecovery.checkClean(index), "CheckIndex after the signal");
    try (KnowledgeBase kb = KnowledgeBase.open(TestCorpus.paths(articles, config, index))) {
      int count = kb.library().count();
      assertTrue(
          count == before || count == before + 600, "the reindex is all or nothing: " + count);
    }
    expectCleanRestart();
  }

  @Test
  void aSecondServerOnTheSameIndexFailsFastWithOneLineWhileTheFirstKeepsServing() throws Exception {
    try (WebFixture first = WebFixture.start(dir.resolve("first"));
        ForkedCli second =
            ForkedCli.start(
                dir,
                "serve",
                "--port",
                "0",
                "--articles",
                first.articles.toString(),
                "--config",
                first.config.toString(),
                "--index",
                first.index.toString())) {
      RawHttp.Response during = first.get("/api/search?q=empathy");
      assertEquals(200, during.status());
      assertEquals(1, second.waitFor(Duration.ofSeconds(60)), second.output());
      assertEquals(
          List.of(
              "error: the index at " + first.index + " is in use by another rapport-kb process"),
          second.output().lines().filter(l -> !l.isBlank()).toList());
      assertEquals(200, first.get("/api/search?q=empathy").status());
      assertEquals(200, first.get("/health").status());
    }
  }

  @Test
  void aServerWhoseLauncherIsKilledStopsCleanly() throws Exception {
    Process launcher = new ProcessBuilder("sleep", "600").start();
    try (ForkedCli server = serve(List.of("-Drapportkb.launcher.pid=" + launcher.pid()))) {
      int port = port(server);
      assertEquals(
          200, http.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString()).statusCode());
      launcher.destroyForcibly().waitFor();
      server.waitFor(STOP_BOUND);
      assertTrue(server.output().contains("Javalin has stopped"), server.output());
      assertFalse(server.output().contains("Exception"), server.output());
    } finally {
      launcher.destroyForcibly();
    }
    expectCleanRestart();
  }

  private ForkedCli serve() throws IOException {
    return serve(List.of());
  }

  private ForkedCli serve(List<String> jvmOptions) throws IOException {
    return ForkedCli.start(
        dir,
        jvmOptions,
        "serve",
        "--port",
        "0",
        "--articles",
        articles.toString(),
        "--config",
        config.toString(),
        "--index",
        index.toString());
  }

  private static int port(ForkedCli server) throws InterruptedException {
    Matcher url = URL.matcher(server.await(line -> URL.matcher(line).find(), START_BOUND));
    assertTrue(url.find());
    return Integer.parseInt(url.group(1));
  }

  private static HttpRequest get(int port, String target) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  /**
   * Puts a {@link HoldOnceFilterFactory} first in the config's {@code chain} analysis chain ({@code
   * index} or {@code query}), holding on {@code word} until {@code release} exists.
   */
  private void holdIn(String chain, String word, Path release) throws IOException {
    Path analysis = config.resolve("analysis.yml");
    String yaml = Files.readString(analysis, StandardCharsets.UTF_8);
    String start = chain + ":\n  tokenizer: standard\n  filters:\n";
    assertTrue(yaml.contains(start), yaml);
    Files.writeString(
        analysis,
        yaml.replace(start, start + HoldOnceFilterFactory.yamlItem(word, release)),
        StandardCharsets.UTF_8);
  }

  /** Asks for {@code /health} until it says the folder has been compared with the index. */
  private HttpResponse<String> awaitSynced(int port) throws Exception {
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    HttpResponse<String> health;
    while (!(health = http.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString()))
        .body()
        .contains("\"synced\":true")) {
      assertTrue(System.nanoTime() - deadline < 0, "/health still says " + health.body());
      Thread.sleep(10);
    }
    return health;
  }

  /** Asks for {@code /health} until the answer has {@code status}. */
  private void awaitStatus(int port, int status) throws Exception {
    long deadline = System.nanoTime() + STOP_BOUND.toNanos();
    int last;
    while ((last =
            http.send(get(port, "/health"), HttpResponse.BodyHandlers.discarding()).statusCode())
        != status) {
      assertTrue(System.nanoTime() - deadline < 0, "/health still answers " + last);
      Thread.sleep(10);
    }
  }

  /**
   * Starts again on the same index: it opens, serves every article once it has compared the folder
   * with the index, and stops clean.
   */
  private void expectCleanRestart() throws Exception {
    int files = TestCorpus.slugsOnDisk(articles).size();
    try (ForkedCli server = serve()) {
      int port = port(server);
      HttpResponse<String> health = awaitSynced(port);
      assertEquals(200, health.statusCode());
      assertTrue(
          health.body().startsWith("{\"status\":\"ok\",\"articles\":" + files + ","),
          health.body());
      server.terminate();
      server.waitFor(STOP_BOUND);
    }
    assertTrue(IndexRecovery.checkClean(index), "CheckIndex after the restart");
    try (KnowledgeBase kb = KnowledgeBase.open(TestCorpus.paths(articles, config, index))) {
      assertEquals(files, kb.library().count(), "every article is in the last commit");
    }
  }
}
