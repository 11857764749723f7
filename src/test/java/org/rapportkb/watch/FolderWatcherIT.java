package org.rapportkb.watch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Eventually;
import org.rapportkb.article.FolderWalk;

class FolderWatcherIT {
  private static final Duration DEBOUNCE = Duration.ofMillis(150);

  /** A hang guard for each wait: callbacks come within a second or so, however busy the host. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private Path articles;
  private Path config;
  private final List<Set<String>> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger configCalls = new AtomicInteger();
  private FolderWatcher watcher;
  private int sentinels;

  @BeforeEach
  void folders() throws IOException {
    articles = Files.createDirectories(dir.resolve("articles"));
    config = Files.createDirectories(dir.resolve("index-config"));
    Files.writeString(config.resolve("limits.yml"), "maxPageSize: 50\n");
  }

  @AfterEach
  void stop() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
  }

  private void start() throws IOException {
    start(calls::add);
  }

  private void start(Consumer<Set<String>> onArticles) throws IOException {
    watcher =
        new FolderWatcher(articles, config, onArticles, configCalls::incrementAndGet, DEBOUNCE);
    watcher.start();
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private Set<String> seen() {
    Set<String> all = new HashSet<>();
    calls.forEach(all::addAll);
    return all;
  }

  private void awaitSeen(String... slugs) throws Exception {
    Eventually.await(
        WAIT, "callbacks with " + List.of(slugs), () -> seen().containsAll(List.of(slugs)));
  }

  /**
   * Writes a new article into {@code folder} and waits for its callback, which it returns. The
   * watcher handles events in the order they happen and calls back in that order, so once the
   * sentinel's callback has come, so has any callback the changes before it were going to cause: a
   * stray one shows up before it, or merged into it.
   */
  private Set<String> sentinel(Path folder) throws Exception {
    String slug = "sentinel-" + ++sentinels;
    write(folder.resolve(slug + ".md"), "# Sentinel\n");
    awaitSeen(slug);
    return Set.of(slug);
  }

  @Test
  void aNewFileIsReportedByItsSlug() throws Exception {
    Files.createDirectories(articles.resolve("empathy"));
    start();
    write(articles.resolve("empathy/new-one.md"), "# New\n");
    awaitSeen("new-one");
    Set<String> sentinel = sentinel(articles.resolve("empathy"));
    assertEquals(List.of(Set.of("new-one"), sentinel), calls);
  }

  @Test
  void startedWithARescanTheFirstCallbackIsForTheWholeFolderThenChangesFollow() throws Exception {
    write(articles.resolve("empathy/saved-before.md"), "# Saved before the start\n");
    watcher =
        new FolderWatcher(articles, config, calls::add, configCalls::incrementAndGet, DEBOUNCE);
    watcher.startWithRescan();
    Eventually.await(WAIT, "the rescan", () -> !calls.isEmpty());
    assertEquals(Set.of(), calls.get(0), "the whole folder, not a slug");
    Set<String> sentinel = sentinel(articles.resolve("empathy"));
    assertEquals(List.of(Set.of(), sentinel), calls);
  }

  @Test
  void startingAWatcherAlreadyClosedDoesNothing() throws Exception {
    // A server stopped while it starts closes its watcher before the watcher has started.
    watcher =
        new FolderWatcher(articles, config, calls::add, configCalls::incrementAndGet, DEBOUNCE);
    watcher.close();
    assertDoesNotThrow(watcher::startWithRescan);
    assertThrows(IllegalStateException.class, this::startTwice, "a second start still fails");
  }

  private void startTwice() throws IOException {
    FolderWatcher twice =
        new FolderWatcher(articles, config, calls::add, configCalls::incrementAndGet, DEBOUNCE);
    try (twice) {
      twice.start();
      twice.start();
    }
  }

  @Test
  void anEditAndADeleteAreReported() throws Exception {
    Path file = write(articles.resolve("repair/old-one.md"), "# Old\n");
    start();
    Files.writeString(file, "more\n", StandardOpenOption.APPEND);
    awaitSeen("old-one");
    calls.clear();
    Files.delete(file);
    awaitSeen("old-one");
    Set<String> sentinel = sentinel(articles.resolve("repair"));
    assertEquals(List.of(Set.of("old-one"), sentinel), calls);
  }

  @Test
  void savingByRenamingATempFileOverTheTargetIsOneChange() throws Exception {
    Path target = write(articles.resolve("alliance/target.md"), "# Before\n");
    start();
    Path temp = write(articles.resolve("alliance/target.md.tmp"), "# After\n");
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    awaitSeen("target");
    Set<String> sentinel = sentinel(articles.resolve("alliance"));
    assertEquals(List.of(Set.of("target"), sentinel), calls);
    assertEquals("# After\n", Files.readString(target));
  }

  @Test
  void aFileWrittenInPiecesAfterTruncationIsOneChange() throws Exception {
    Path file = write(articles.resolve("piece.md"), "# Old text that will be replaced\n");
    start();
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      for (int i = 0; i < 5; i++) {
        channel.write(ByteBuffer.wrap(("line " + i + "\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        Thread.sleep(10);
      }
    }
    awaitSeen("piece");
    Set<String> sentinel = sentinel(articles);
    assertEquals(List.of(Set.of("piece"), sentinel), calls, "one callback for the whole save");
  }

  @Test
  void temporaryHiddenAndNonMarkdownFilesAreIgnored() throws Exception {
    Files.createDirectories(articles.resolve(".git"));
    start();
    write(articles.resolve(".x.md.swp"), "swap");
    write(articles.resolve("x.md~"), "backup");
    write(articles.resolve(".#x.md"), "lock");
    write(articles.resolve("x.md.tmp"), "temp");
    write(articles.resolve("notes.txt"), "notes");
    write(articles.resolve("4913"), "");
    write(articles.resolve(".git/objects.md"), "hidden folder");
    write(articles.resolve(".hidden/inside.md"), "hidden folder created later");
    write(articles.resolve(".hidden/more.md"), "still hidden");
    Set<String> sentinel = sentinel(articles);
    assertEquals(List.of(sentinel), calls, "nothing that is not an article causes a callback");
    Set<String> another = sentinel(articles);
    assertEquals(List.of(sentinel, another), calls, "the sentinel was reported once");
  }

  @Test
  void foldersCreatedLaterAreWatchedWithTheFilesAlreadyInThem() throws Exception {
    start();
    write(articles.resolve("new/deeper/first.md"), "# First\n");
    Path staging = dir.resolve("staging/moved");
    write(staging.resolve("second.md"), "# Second\n");
    write(staging.resolve("sub/third.md"), "# Third\n");
    Files.move(staging, articles.resolve("moved"), StandardCopyOption.ATOMIC_MOVE);
    awaitSeen("first", "second", "third");
    calls.clear();
    write(articles.resolve("new/deeper/later.md"), "# Later\n");
    write(articles.resolve("moved/sub/fourth.md"), "# Fourth\n");
    awaitSeen("later", "fourth");
  }

  @Test
  void aFolderRemovedAndRecreatedIsWatchedAgain() throws Exception {
    write(articles.resolve("topic/a.md"), "# A\n");
    start();
    deleteTree(articles.resolve("topic"));
    Eventually.await(WAIT, "a callback for the removed folder", () -> !calls.isEmpty());
    assertTrue(
        calls.stream().allMatch(slugs -> slugs.isEmpty() || slugs.contains("a")),
        "the removal is reported as 'a' or as unknown: " + calls);
    calls.clear();
    write(articles.resolve("topic/b.md"), "# B\n");
    awaitSeen("b");
    calls.clear();
    write(articles.resolve("topic/b.md"), "# B, edited\n");
    write(articles.resolve("topic/c.md"), "# C\n");
    awaitSeen("b", "c");
  }

  @Test
  void theArticlesFolderItselfRemovedAndRecreatedIsWatchedAgain() throws Exception {
    write(articles.resolve("topic/a.md"), "# A\n");
    start();
    deleteTree(articles);
    Eventually.await(WAIT, "a callback for the removed folder", () -> !calls.isEmpty());
    calls.clear();
    write(articles.resolve("topic/b.md"), "# B\n");
    Eventually.await(
        WAIT,
        "the recreated folder is reported",
        () -> seen().contains("b") || calls.contains(Set.of()));
    calls.clear();
    write(articles.resolve("topic/c.md"), "# C\n");
    awaitSeen("c");
  }

  @Test
  void configChangesGoToTheConfigCallbackOnly() throws Exception {
    start();
    write(config.resolve(".limits.yml.swp"), "swap");
    write(config.resolve("limits.yml~"), "backup");
    // The sentinel is an article: a batch calls back for the config before the articles, and an
    // earlier change comes in the same batch as a later one or in one before it.
    Set<String> sentinel = sentinel(articles);
    assertEquals(0, configCalls.get(), "editor files in the config folder are ignored");
    Files.writeString(config.resolve("limits.yml"), "maxPageSize: 40\n");
    Eventually.await(WAIT, "the config callback", () -> configCalls.get() == 1);
    Set<String> another = sentinel(articles);
    assertEquals(1, configCalls.get());
    assertEquals(List.of(sentinel, another), calls, "no article callback for the config");
  }

  @Test
  void aBurstOfFilesEndsWithEveryFileSeenAndCallbacksNeverOverlap() throws Exception {
    Set<String> mirror = ConcurrentHashMap.newKeySet();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    start(
        slugs -> {
          if (running.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          follow(mirror, slugs);
          calls.add(slugs);
          running.decrementAndGet();
        });
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String slug = "burst-" + i;
      write(articles.resolve((i % 2 == 0 ? "even/" : "") + slug + ".md"), "# " + slug + "\n");
      expected.add(slug);
    }
    Eventually.await(WAIT, "all 300 files seen", () -> mirror.equals(expected));
    assertEquals(0, overlaps.get());
    assertTrue(calls.size() < 300, "the burst was coalesced: " + calls.size() + " callbacks");
  }

  @Test
  void lostEventsFallBackToAFullRescan() throws Exception {
    Set<String> mirror = ConcurrentHashMap.newKeySet();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(
        slugs -> {
          entered.countDown();
          try {
            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          follow(mirror, slugs);
          calls.add(slugs);
        });
    write(articles.resolve("first.md"), "# First\n");
    assertTrue(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    Set<String> expected = new HashSet<>(Set.of("first"));
    for (int i = 0; i < 700; i++) {
      write(articles.resolve("flood-" + i + ".md"), "x");
      expected.add("flood-" + i);
    }
    release.countDown();
    Eventually.await(WAIT, "a rescan after the overflow", () -> calls.contains(Set.of()));
    Eventually.await(WAIT, "all files seen", () -> mirror.equals(expected));
  }

  @Test
  void aFailingCallbackDoesNotStopTheWatcher() throws Exception {
    AtomicInteger failures = new AtomicInteger();
    start(
        slugs -> {
          if (slugs.contains("bad")) {
            failures.incrementAndGet();
            throw new IllegalStateException("the callback failed on purpose");
          }
          calls.add(slugs);
        });
    write(articles.resolve("bad.md"), "# Bad\n");
    Eventually.await(WAIT, "the failing callback", () -> failures.get() == 1);
    write(articles.resolve("good.md"), "# Good\n");
    awaitSeen("good");
  }

  @Test
  void closeStopsTheCallbacks() throws Exception {
    AtomicReference<Thread> callbackThread = new AtomicReference<>();
    start(
        slugs -> {
          callbackThread.set(Thread.currentThread());
          calls.add(slugs);
        });
    Set<String> sentinel = sentinel(articles);
    Thread thread = callbackThread.get();
    assertNotNull(thread);
    watcher.close();
    // Callbacks only ever run on the watcher's own thread, and close() has waited for it to end.
    assertFalse(thread.isAlive(), "the watcher's thread ended with close()");
    write(articles.resolve("after-close.md"), "# Late\n");
    assertEquals(List.of(sentinel), calls);
  }

  /** What a sync does, in small: a rescan re-reads the folder, otherwise only the named slugs. */
  private void follow(Set<String> mirror, Set<String> slugs) {
    try (Stream<Path> walk = Files.walk(articles)) {
      Set<String> present = new HashSet<>();
      walk.filter(FolderWalk::isArticleName)
          .forEach(p -> present.add(FolderWatcher.slugOf(p.getFileName().toString())));
      if (slugs.isEmpty()) {
        mirror.retainAll(present);
        mirror.addAll(present);
      } else {
        for (String slug : slugs) {
          if (present.contains(slug)) {
            mirror.add(slug);
          } else {
            mirror.remove(slug);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }
}
