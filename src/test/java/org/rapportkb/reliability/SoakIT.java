package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.watch.FolderWatcher;

/**
 * A minute (or {@code -Drapportkb.soak.seconds=N}) of searches, pages and API calls from several
 * clients on loopback while an editor keeps saving, adding, renaming and deleting articles that the
 * watcher indexes: no request fails, the heap after GC stays flat, and the index ends equal to the
 * folder.
 *
 * <p>The load is counted, not timed: the soak lasts until the clients have made at least {@value
 * #REQUESTS_PER_SECOND} requests and the editor one edit per second of it, so a busy machine makes
 * it longer rather than failing it.
 */
class SoakIT {
  private static final int CLIENTS = 6;
  private static final long HEAP_GROWTH_BOUND = 96L * 1024 * 1024;

  /** Requests the clients make, at the least, per second the soak is asked to last. */
  private static final int REQUESTS_PER_SECOND = 5;

  /** The work done before the heap is first measured, so that caches and the JIT have settled. */
  private static final int WARM_UP_REQUESTS = 25 * REQUESTS_PER_SECOND;

  private static final int WARM_UP_EDITS = 5;

  /** A hang guard for the index to catch up once the editor stops. */
  private static final Duration CATCH_UP_BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aMinuteOfLoadWhileArticlesChange() throws Exception {
    long seconds = Long.getLong("rapportkb.soak.seconds", 60);
    try (WebFixture web = WebFixture.start(dir);
        FolderWatcher watcher =
            FolderWatcher.forKnowledgeBase(
                web.kb,
                change -> web.app.articlesChanged(change.slugs()),
                Duration.ofMillis(150))) {
      watcher.start();
      List<String> stable = stableSlugs(web);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger requests = new AtomicInteger();
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Random random = new Random(c);
        workers.add(
            pool.submit(
                () -> {
                  while (running.get() && failures.size() < 20) {
                    String target = target(random, stable);
                    try {
                      HttpResponse<String> response =
                          http.send(request(web, target), HttpResponse.BodyHandlers.ofString());
                      if (response.statusCode() != 200) {
                        failures.add(target + " -> " + response.statusCode());
                      }
                      requests.incrementAndGet();
                    } catch (IOException | RuntimeException e) {
                      failures.add(target + " -> " + e);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }));
      }
      Editor editor = new Editor(web.articles, stable);
      workers.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  editor.step();
                  Thread.sleep(250);
                }
                return null;
              }));

      awaitWork(requests, editor, WARM_UP_REQUESTS, WARM_UP_EDITS, failures, workers);
      long heapAtStart = heapAfterGc();
      Thread.sleep(seconds * 1_000);
      awaitWork(requests, editor, seconds * REQUESTS_PER_SECOND, seconds, failures, workers);
      running.set(false);
      pool.shutdown();
      for (Future<?> worker : workers) {
        worker.get(2, TimeUnit.MINUTES);
      }
      long heapAtEnd = heapAfterGc();
      System.out.printf(
          "soak: %d s, %d requests, %d edits, heap after GC %d MB -> %d MB%n",
          seconds, requests.get(), editor.edits(), mb(heapAtStart), mb(heapAtEnd));

      assertEquals(List.of(), failures);
      assertTrue(
          heapAtEnd <= heapAtStart + HEAP_GROWTH_BOUND,
          "heap after GC grew from " + mb(heapAtStart) + " to " + mb(heapAtEnd) + " MB");
      assertIndexCatchesUp(web);
    }
  }

  private static List<String> stableSlugs(WebFixture web) throws IOException {
    List<String> slugs = new ArrayList<>();
    for (ArticleSummary summary : web.kb.library().list(null, null, null)) {
      slugs.add(summary.slug());
    }
    return slugs;
  }

  private static final List<String> QUERIES =
      List.of(
          "empathy",
          "reflective listening",
          "silence",
          "rupture repair",
          "valid*",
          "open questions",
          "pwned");

  /** One request a trainee might make; every one of them must answer 200. */
  private static String target(Random random, List<String> stable) {
    String slug = stable.get(random.nextInt(stable.size()));
    String query = WebFixture.encode(QUERIES.get(random.nextInt(QUERIES.size())));
    return switch (random.nextInt(10)) {
      case 0 -> "/api/search?q=" + query;
      case 1 -> "/search?q=" + query + "&page=1&size=10";
      case 2 -> "/api/suggest?q=" + query.substring(0, 3);
      case 3 -> "/articles/" + slug;
      case 4 -> "/api/articles/" + slug;
      case 5 -> "/practice";
      case 6 -> "/categories/empathy";
      case 7 -> "/api/articles";
      case 8 -> "/health";
      default -> "/";
    };
  }

  private static HttpRequest request(WebFixture web, String target) {
    return HttpRequest.newBuilder(URI.create(web.base() + target))
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  /**
   * Waits until the clients have made {@code minRequests} requests and the editor {@code minEdits}
   * edits, or a request has failed or a worker stopped (which the test then reports).
   */
  private static void awaitWork(
      AtomicInteger requests,
      Editor editor,
      long minRequests,
      long minEdits,
      List<String> failures,
      List<Future<?>> workers)
      throws InterruptedException {
    while ((requests.get() < minRequests || editor.edits() < minEdits)
        && failures.isEmpty()
        && workers.stream().noneMatch(Future::isDone)) {
      Thread.sleep(100);
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }

  /**
   * Once the editor has stopped, adds a sentinel article and waits until the watcher has indexed
   * it: every sync reads the whole folder, so the one that indexed the sentinel read it after the
   * last edit, and the index must now hold exactly the articles on disk.
   */
  private static void assertIndexCatchesUp(WebFixture web) throws Exception {
    Path sentinel = TestCorpus.generateFiles(web.articles.resolve("sentinel"), 99_999, 1).get(0);
    String slug = TestCorpus.slugOf(sentinel);
    long deadline = System.nanoTime() + CATCH_UP_BOUND.toNanos();
    while (web.kb.library().get(slug).isEmpty()) {
      assertTrue(System.nanoTime() - deadline < 0, "the sentinel article was never indexed");
      Thread.sleep(50);
    }
    Set<String> onDisk = TestCorpus.slugsOnDisk(web.articles);
    Set<String> indexed = new TreeSet<>();
    for (ArticleSummary summary : web.kb.library().list(null, null, null)) {
      indexed.add(summary.slug());
    }
    // The hostile article with a bad tag is on disk but never indexed.
    Set<String> expected = new TreeSet<>(onDisk);
    expected.remove("xss-tag");
    assertEquals(expected, indexed);
  }

  /**
   * Saves the way people and editors do: in place, by renaming a temporary file over the article,
   * by adding, renaming and deleting articles of its own. Articles clients read are only ever
   * saved, never removed.
   */
  private static final class Editor {
    private final Path articles;
    private final List<Path> stable;
    private final List<Path> own = new ArrayList<>();
    private final Random random = new Random(42);
    private final AtomicInteger edits = new AtomicInteger();
    private int next = 10_000;

    Editor(Path articles, List<String> stableSlugs) throws IOException {
      this.articles = articles;
      this.stable = new ArrayList<>();
      for (Path file : TestCorpus.realArticles()) {
        if (stableSlugs.contains(TestCorpus.slugOf(file))) {
          stable.add(articles.resolve(TestCorpus.ARTICLES.relativize(file).toString()));
        }
      }
    }

    int edits() {
      return edits.get();
    }

    void step() throws IOException {
      int edit = edits.incrementAndGet();
      switch (random.nextInt(5)) {
        case 0 -> {
          Path file = stable.get(random.nextInt(stable.size()));
          Files.writeString(
              file,
              Files.readString(file, StandardCharsets.UTF_8) + "\nNote " + edit + ".\n",
              StandardCharsets.UTF_8);
        }
        case 1 -> {
          Path file = stable.get(random.nextInt(stable.size()));
          Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
          Files.writeString(
              temporary,
              Files.readString(file, StandardCharsets.UTF_8) + "\nSaved " + edit + ".\n",
              StandardCharsets.UTF_8);
          Files.move(
              temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        case 2 -> {
          own.addAll(TestCorpus.generateFiles(articles.resolve("soak"), next, 3));
          next += 3;
        }
        case 3 -> {
          if (!own.isEmpty()) {
            Files.deleteIfExists(own.remove(random.nextInt(own.size())));
          }
        }
        default -> {
          if (!own.isEmpty()) {
            Path from = own.remove(random.nextInt(own.size()));
            Path to = from.resolveSibling("renamed-" + next++ + ".md");
            Files.move(from, to);
            own.add(to);
          }
        }
      }
    }
  }
}
