package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;
import org.rapportkb.watch.FolderWatcher;

/**
 * Searching while the index is rebuilt, and the ways editors and people change the articles folder:
 * after every sync the index holds exactly the articles in the folder.
 */
class ConcurrentUseIT {
  private static final int SEARCHERS = 50;

  /** A hang guard for the held rebuild: every searcher answers within a few seconds. */
  private static final Duration HOLD_BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void fiftyConcurrentSearchesDuringFullRebuildsNeverFailNorComeBackEmpty() throws Exception {
    Path articles = TestCorpus.copyArticles(dir.resolve("articles"));
    TestCorpus.generate(articles.resolve("generated"), 150);
    // A timeout no search reaches, however busy the machine: every answer must then be whole.
    Path config = TestCorpus.copyConfig(dir.resolve("config"), "timeoutMillis: 60000\n");
    List<String> queries =
        List.of(
            "empathy",
            "reflection",
            "silence",
            "\"open questions\"",
            "listening",
            "valid*",
            "rupture~1");
    try (KnowledgeBase kb =
        KnowledgeBase.open(TestCorpus.paths(articles, config, dir.resolve("index")))) {
      kb.sync(false, ProgressListener.NONE);
      Map<String, Long> expected = new LinkedHashMap<>();
      for (String query : queries) {
        expected.put(query, kb.search().search(SearchRequest.of(query)).total());
        assertTrue(expected.get(query) > 0, query);
      }
      int articleCount = kb.library().count();

      List<String> failures = Collections.synchronizedList(new ArrayList<>());

      // The first rebuild holds half-way (the old documents deleted, the new ones not committed)
      // until every searcher has had an answer while it waits, so searches surely overlap it.
      AtomicBoolean holding = new AtomicBoolean();
      AtomicBoolean held = new AtomicBoolean();
      CountDownLatch searchedDuringTheHold = new CountDownLatch(SEARCHERS);
      ProgressListener holdHalfWay =
          (done, total) -> {
            if (done >= total / 2 && held.compareAndSet(false, true)) {
              holding.set(true);
              try {
                if (!searchedDuringTheHold.await(HOLD_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                  failures.add("not every searcher searched while the rebuild was held");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                holding.set(false);
              }
            }
          };

      // Full rebuilds, one after the other, until every searcher is done.
      AtomicBoolean searching = new AtomicBoolean(true);
      AtomicInteger rebuilds = new AtomicInteger();
      CountDownLatch rebuildStarted = new CountDownLatch(1);
      ExecutorService rebuilder = Executors.newSingleThreadExecutor();
      Future<?> rebuilding =
          rebuilder.submit(
              () -> {
                while (searching.get()) {
                  rebuildStarted.countDown();
                  IndexReport report = kb.sync(true, holdHalfWay);
                  assertTrue(report.rebuilt());
                  rebuilds.incrementAndGet();
                }
                return null;
              });
      assertTrue(rebuildStarted.await(30, TimeUnit.SECONDS));

      AtomicInteger requests = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS);
      List<Future<?>> workers = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      for (int t = 0; t < SEARCHERS; t++) {
        int offset = t;
        workers.add(
            pool.submit(
                () -> {
                  boolean counted = false;
                  for (int i = 0;
                      (i < 8 || rebuilds.get() < 1) && System.nanoTime() < deadline;
                      i++) {
                    String query = queries.get((offset + i) % queries.size());
                    // Begun during the hold, a search ends during it: the hold waits for it.
                    boolean during = holding.get();
                    try {
                      check(kb, query, expected.get(query), articleCount, offset + i);
                      requests.incrementAndGet();
                      if (during && !counted) {
                        counted = true;
                        searchedDuringTheHold.countDown();
                      }
                    } catch (Throwable e) {
                      failures.add(query + ": " + e);
                    }
                    pause();
                  }
                }));
      }
      try {
        for (Future<?> worker : workers) {
          worker.get(90, TimeUnit.SECONDS);
        }
      } finally {
        searching.set(false);
        pool.shutdown();
        rebuilder.shutdown();
      }
      rebuilding.get(60, TimeUnit.SECONDS);
      assertEquals(List.of(), failures);
      assertTrue(rebuilds.get() >= 1, "searches spanned a whole rebuild: " + rebuilds);
      assertEquals(
          0,
          searchedDuringTheHold.getCount(),
          "searchers without an answer while the rebuild was held, of "
              + SEARCHERS
              + " ("
              + requests
              + " requests in all)");
    }
  }

  /** A trainee's think time between searches, so that 50 of them are a load, not a spin. */
  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request of a searcher thread: any answer must be whole and never empty. */
  private static void check(KnowledgeBase kb, String query, long expected, int articleCount, int i)
      throws IOException {
    switch (i % 8) {
      case 0, 1, 2, 3, 4, 5 -> {
        SearchResponse response = kb.search().search(SearchRequest.of(query));
        if (response.partial() || response.total() != expected) {
          throw new AssertionError("total " + response.total() + " instead of " + expected);
        }
        if (response.hits().isEmpty()) {
          throw new AssertionError("no hits");
        }
      }
      case 6 -> {
        if (kb.search().suggest(query.substring(0, 3)).isEmpty() && query.equals("empathy")) {
          throw new AssertionError("no suggestion for 'emp'");
        }
      }
      default -> {
        int listed = kb.library().list(null, null, null).size();
        if (listed != articleCount) {
          throw new AssertionError("listed " + listed + " of " + articleCount);
        }
      }
    }
  }

  @Test
  void afterEveryKindOfEditTheIndexHoldsExactlyTheArticlesInTheFolder() throws Exception {
    Path articles = TestCorpus.copyArticles(dir.resolve("articles"));
    Path config = TestCorpus.copyConfig(dir.resolve("config"));
    try (KnowledgeBase kb =
        KnowledgeBase.open(TestCorpus.paths(articles, config, dir.resolve("index")))) {
      syncAndCompare(kb, articles);

      // An editor's atomic save: write a temporary file, then rename it over the article.
      Path empathy = articles.resolve("empathy/empathy.md");
      String original = Files.readString(empathy, StandardCharsets.UTF_8);
      Path temporary = articles.resolve("empathy/.empathy.md.tmp");
      Files.writeString(
          temporary, original + "\nSaved atomically zqatomicsave.\n", StandardCharsets.UTF_8);
      Files.move(
          temporary, empathy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      // The litter editors leave beside an article while it is open.
      Files.writeString(articles.resolve("empathy/empathy.md~"), original, StandardCharsets.UTF_8);
      Files.writeString(
          articles.resolve("empathy/.empathy.md.swp"), "swap", StandardCharsets.UTF_8);
      Files.writeString(articles.resolve("empathy/#empathy.md#"), original, StandardCharsets.UTF_8);
      Files.writeString(articles.resolve("empathy/4913"), "", StandardCharsets.UTF_8);
      Files.writeString(articles.resolve("empathy/.#empathy.md"), original, StandardCharsets.UTF_8);
      Files.writeString(
          articles.resolve("empathy/empathy.md.part"), original, StandardCharsets.UTF_8);
      syncAndCompare(kb, articles);
      assertEquals(1, count(kb, "zqatomicsave"));

      // Truncate, then write in pieces, syncing in between: the last good version stays until
      // the file is whole again.
      Path silence = articles.resolve("attending/using-silence.md");
      byte[] text =
          (Files.readString(silence, StandardCharsets.UTF_8) + "\nRewritten zqpieces.\n")
              .getBytes(StandardCharsets.UTF_8);
      try (OutputStream out =
          Files.newOutputStream(silence, StandardOpenOption.TRUNCATE_EXISTING)) {
        syncAndCompare(kb, articles);
        assertTrue(
            kb.library().get("using-silence").isPresent(), "an empty file keeps the old version");
        out.write(text, 0, 40);
        out.flush();
        syncAndCompare(kb, articles);
        out.write(text, 40, text.length / 2 - 40);
        out.flush();
        syncAndCompare(kb, articles);
        assertEquals(0, count(kb, "zqpieces"));
        out.write(text, text.length / 2, text.length - text.length / 2);
      }
      syncAndCompare(kb, articles);
      assertEquals(1, count(kb, "zqpieces"));

      // Deletes.
      for (String file :
          List.of("questions/closed-questions.md", "repair/feedback-informed-care.md")) {
        Files.delete(articles.resolve(file));
      }
      syncAndCompare(kb, articles);

      // Renames: to a new slug, and into another folder under the same slug.
      Files.move(
          articles.resolve("attending/paraphrasing.md"),
          articles.resolve("attending/paraphrase.md"));
      Files.move(
          articles.resolve("empathy/perspective-taking.md"),
          articles.resolve("validation/perspective-taking.md"));
      syncAndCompare(kb, articles);
      assertEquals(
          "validation/perspective-taking.md",
          kb.library().get("perspective-taking").orElseThrow().path());

      // A folder removed, then put back.
      Path validation = articles.resolve("validation");
      Path saved = dir.resolve("saved-validation");
      TestCorpus.copyTree(validation, saved);
      TestCorpus.deleteTree(validation);
      syncAndCompare(kb, articles);
      TestCorpus.copyTree(saved, validation);
      syncAndCompare(kb, articles);

      // Hundreds of files at once (two thousand, through the watcher, in the test below).
      TestCorpus.generate(articles.resolve("bulk"), 300);
      IndexReport bulk = syncAndCompare(kb, articles);
      assertEquals(300, bulk.added(), bulk.summary());

      IndexReport again = syncAndCompare(kb, articles);
      assertFalse(again.changed(), "a sync with nothing new changes nothing: " + again.summary());
    }
  }

  @Test
  void twoThousandFilesAddedAtOnceAreAllPickedUpByTheWatcher() throws Exception {
    Path articles = TestCorpus.copyArticles(dir.resolve("articles"));
    Path config = TestCorpus.copyConfig(dir.resolve("config"));
    try (KnowledgeBase kb =
            KnowledgeBase.open(TestCorpus.paths(articles, config, dir.resolve("index")));
        FolderWatcher watcher =
            FolderWatcher.forKnowledgeBase(kb, change -> {}, Duration.ofMillis(150))) {
      kb.sync(false, ProgressListener.NONE);
      watcher.start();
      TestCorpus.generate(articles.resolve("bulk"), 2_000);
      Files.writeString(articles.resolve("bulk/.draft.md.swp"), "swap", StandardCharsets.UTF_8);
      Set<String> onDisk = TestCorpus.slugsOnDisk(articles);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      Set<String> indexed = Set.of();
      while (!indexed.equals(onDisk) && System.nanoTime() < deadline) {
        Thread.sleep(200);
        indexed = new TreeSet<>();
        for (ArticleSummary summary : kb.library().list(null, null, null)) {
          indexed.add(summary.slug());
        }
      }
      assertEquals(onDisk, indexed);
    }
  }

  private static long count(KnowledgeBase kb, String word) throws IOException {
    return kb.search().search(SearchRequest.of("\"" + word + "\"")).total();
  }

  private static IndexReport syncAndCompare(KnowledgeBase kb, Path articles) throws IOException {
    IndexReport report = kb.sync(false, ProgressListener.NONE);
    Set<String> indexed = new TreeSet<>();
    for (ArticleSummary summary : kb.library().list(null, null, null)) {
      indexed.add(summary.slug());
    }
    assertEquals(TestCorpus.slugsOnDisk(articles), indexed, report.summary());
    assertEquals(indexed.size(), kb.search().search(SearchRequest.of("")).total());
    return report;
  }
}
