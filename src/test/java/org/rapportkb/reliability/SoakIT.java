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
 */
class SoakIT {
  private static final int CLIENTS = 6;
  private static final long HEAP_GROWTH_BOUND = 96L * 1024 * 1024;

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

      Thread.sleep(5_000);
      long heapAtStart = heapAfterGc();
      Thread.sleep(Math.max(0, seconds * 1_000 - 5_000));
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
      assertTrue(requests.get() >= seconds * 5, "the clients kept the server busy: " + requests);
      assertTrue(editor.edits() >= seconds, "the articles kept changing: " + editor.edits());
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

  private static void assertIndexCatchesUp(WebFixture web) throws Exception {
    Set<String> onDisk = TestCorpus.slugsOnDisk(web.articles);
    Set<String> indexed = Set.of();
    for (int i = 0; i < 100 && !indexed.equals(onDisk); i++) {
      Thread.sleep(100);
      indexed = new TreeSet<>();
      for (ArticleSummary summary : web.kb.library().list(null, null, null)) {
        indexed.add(summary.slug());
      }
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
    private int edits;
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
      return edits;
    }

    void step() throws IOException {
      edits++;
      switch (random.nextInt(5)) {
        case 0 -> {
          Path file = stable.get(random.nextInt(stable.size()));
          Files.writeString(
              file,
              Files.readString(file, StandardCharsets.UTF_8) + "\nNote " + edits + ".\n",
              StandardCharsets.UTF_8);
        }
        case 1 -> {
          Path file = stable.get(random.nextInt(stable.size()));
          Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
          Files.writeString(
              temporary,
              Files.readString(file, StandardCharsets.UTF_8) + "\nSaved " + edits + ".\n",
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
