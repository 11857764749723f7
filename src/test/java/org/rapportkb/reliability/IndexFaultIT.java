package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.SleepingLockWrapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapportkb.FaultyDirectory;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.UnreadableDirectory;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.config.ConfigException;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.ArticleIndex;
import org.rapportkb.index.IndexLockedException;
import org.rapportkb.index.IndexRecovery;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.Indexer;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchService;
import org.rapportkb.semantic.SemanticStatus;

/**
 * Faults of the index on disk: a stale lock, a second writer, damaged files and a disk that fails
 * while committing. The articles folder is the source of truth: nothing is lost.
 */
class IndexFaultIT {
  @TempDir Path dir;
  private Path articles;
  private Path config;
  private Path index;
  private int real;

  @BeforeEach
  void corpus() throws IOException {
    articles = TestCorpus.copyArticles(dir.resolve("articles"));
    config = TestCorpus.copyConfig(dir.resolve("config"));
    index = dir.resolve("index");
    real = TestCorpus.realArticles().size();
  }

  @Test
  void aStaleWriteLockDoesNotStopStartUp() throws Exception {
    buildIndex();
    // Lucene's lock files are empty; one left by a process that died stays behind, unlocked.
    Files.deleteIfExists(index.resolve("write.lock"));
    Files.createFile(index.resolve("write.lock"));
    Files.setLastModifiedTime(
        index.resolve("write.lock"), java.nio.file.attribute.FileTime.fromMillis(0));
    try (KnowledgeBase kb = open()) {
      assertTrue(kb.writable());
      assertEquals(real, kb.library().count());
      addArticle("after-stale-lock", "zqafterlock");
      kb.sync(false, ProgressListener.NONE);
      assertEquals(1, kb.search().search(SearchRequest.of("zqafterlock")).total());
    }
  }

  @Test
  void aSecondWriterFailsFastWithOneClearMessageWhileTheFirstKeepsServing() throws Exception {
    try (KnowledgeBase first = open()) {
      first.sync(false, ProgressListener.NONE);

      IndexLockedException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> assertThrows(IndexLockedException.class, this::open));
      assertTheLockWasAskedForOnce(e);
      assertEquals(
          "the index at " + index + " is in use by another rapport-kb process", e.getMessage());

      try (ForkedCli second = forked("index")) {
        assertEquals(1, second.waitFor(Duration.ofSeconds(60)), second.output());
        assertEquals(
            List.of("error: the index at " + index + " is in use by another rapport-kb process"),
            second.output().lines().filter(l -> !l.isBlank()).toList());
      }

      assertEquals(real, first.library().count());
      assertTrue(first.search().search(SearchRequest.of("empathy")).total() > 0);
      addArticle("while-locked", "zqwhilelocked");
      first.sync(false, ProgressListener.NONE);
      assertEquals(1, first.search().search(SearchRequest.of("zqwhilelocked")).total());
    }
    try (KnowledgeBase next = open()) {
      assertEquals(real + 1, next.library().count(), "the lock is released on close");
    }
  }

  @Test
  void aSecondProcessNeitherReadsNorMovesAsideTheIndexAServerWrites() throws Exception {
    buildIndex();
    try (ForkedCli server = forked("serve", "--port", "0", "--no-watch")) {
      server.await(line -> line.contains("http://"), Duration.ofSeconds(60));
      KbConfig loaded = ConfigLoader.load(config);
      List<String> read = new CopyOnWriteArrayList<>();
      ArticleIndex.DirectoryOpener changing =
          path -> new UnreadableDirectory(FSDirectory.open(path), read);
      IndexLockedException e =
          assertThrows(
              IndexLockedException.class, () -> ArticleIndex.open(index, () -> loaded, changing));
      assertTrue(
          e.getCause().getMessage().contains("another program"),
          "the other process's lock refused it: " + e.getCause().getMessage());
      assertEquals(List.of(), read, "nothing was read");
      try (Stream<Path> siblings = Files.list(dir)) {
        assertTrue(
            siblings.noneMatch(f -> f.getFileName().toString().startsWith("index.damaged-")),
            "the server's index stays where it is");
      }
      try (KnowledgeBase reader =
          KnowledgeBase.openForSearch(TestCorpus.paths(articles, config, index))) {
        assertEquals(real, reader.library().count(), "a search reads the server's last commit");
      }
      assertTrue(server.isAlive(), server.output());
    }
  }

  /** Ways a file of the last commit can be damaged. */
  enum Damage {
    TRUNCATE_SEGMENTS_FILE,
    TRUNCATE_LARGEST_FILE,
    FLIP_BYTES_IN_LARGEST_FILE,
    ZERO_LARGEST_FILE,
    DELETE_SEGMENT_INFO,
    GARBAGE_SEGMENTS_FILE
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void aDamagedIndexIsDetectedMovedAsideAndRebuiltWithNothingLost(Damage damage) throws Exception {
    buildIndex();
    damage(damage);
    try (KnowledgeBase kb = open()) {
      assertTrue(kb.writable());
      kb.sync(false, ProgressListener.NONE);
      assertEquals(TestCorpus.slugsOnDisk(articles), listed(kb));
      assertTrue(kb.search().search(SearchRequest.of("empathy")).total() > 0);
      for (ArticleSummary summary : kb.library().list(null, null, null)) {
        kb.library().get(summary.slug()).orElseThrow();
      }
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(
          1,
          siblings.filter(p -> p.getFileName().toString().startsWith("index.damaged-")).count(),
          "the damaged index is kept aside for a post-mortem");
    }
    assertTrue(IndexRecovery.checkClean(index));
  }

  @Test
  void aDiskErrorWhileCommittingLeavesThePreviousCommitServing() throws Exception {
    KbConfig kbConfig = ConfigLoader.load(config);
    AtomicReference<FaultyDirectory> disk = new AtomicReference<>();
    ArticleIndex faulty =
        ArticleIndex.open(
            index,
            () -> kbConfig,
            path -> {
              disk.set(new FaultyDirectory(FSDirectory.open(path)));
              return disk.get();
            });
    Indexer indexer = new Indexer(faulty, articles, () -> kbConfig, new MarkdownRenderer());
    SearchService search =
        new SearchService(
            faulty.searchers(), () -> kbConfig, faulty.analyzer(), () -> SemanticStatus.OFF);
    try {
      indexer.sync(false, ProgressListener.NONE);
      assertEquals(real, search.search(SearchRequest.of("")).total());

      addArticle("written-during-fault", "zqduringfault");
      disk.get().fail(true);
      IOException e =
          assertThrows(IOException.class, () -> indexer.sync(false, ProgressListener.NONE));
      assertTrue(disk.get().faults() > 0, "the fault was hit: " + e);

      assertEquals(real, search.search(SearchRequest.of("")).total(), "the last commit serves");
      assertTrue(search.search(SearchRequest.of("empathy")).total() > 0);
      assertEquals(0, search.search(SearchRequest.of("zqduringfault")).total());

      disk.get().fail(false);
      IndexReport recovered = indexer.sync(false, ProgressListener.NONE);
      assertEquals(1, recovered.added(), "the same engine indexes again once the disk is back");
      assertEquals(1, search.search(SearchRequest.of("zqduringfault")).total());
      Files.delete(articles.resolve("empathy").resolve("written-during-fault.md"));
      indexer.sync(false, ProgressListener.NONE);
      assertEquals(real, search.search(SearchRequest.of("")).total());
      addArticle("written-during-fault", "zqduringfault");
    } finally {
      search.close();
      disk.get().fail(false);
      faulty.close();
    }
    assertTrue(IndexRecovery.checkClean(index), "the failed commit left no damage");
    try (KnowledgeBase kb = open()) {
      assertEquals(real, kb.library().count(), "the previous commit survives a restart");
      kb.sync(false, ProgressListener.NONE);
      assertEquals(real + 1, kb.library().count());
      assertEquals(1, kb.search().search(SearchRequest.of("zqduringfault")).total());
    }
    assertTrue(IndexRecovery.checkClean(index));
  }

  @Test
  void aRebuildThatFailsHalfWayLeavesNothingPendingForTheNextSync() throws Exception {
    KbConfig kbConfig = ConfigLoader.load(config);
    AtomicReference<FaultyDirectory> disk = new AtomicReference<>();
    try (ArticleIndex faulty =
        ArticleIndex.open(
            index,
            () -> kbConfig,
            path -> {
              disk.set(new FaultyDirectory(FSDirectory.open(path)));
              return disk.get();
            })) {
      Indexer indexer = new Indexer(faulty, articles, () -> kbConfig, new MarkdownRenderer());
      indexer.sync(false, ProgressListener.NONE);
      disk.get().fail(true);
      assertThrows(IOException.class, () -> indexer.sync(true, ProgressListener.NONE));
      disk.get().fail(false);
      IndexReport next = indexer.sync(false, ProgressListener.NONE);
      assertEquals(0, next.deleted() + next.added(), "the failed rebuild's deletions are gone");
      assertEquals(real, faulty.size(), "every article is still indexed");
    }
    assertTrue(IndexRecovery.checkClean(index));
  }

  /**
   * Fails fast, without a clock: the refusal is Lucene's answer to one request for the write lock,
   * with no wrapper on the way that sleeps and asks again (a wait that never ends is the hang
   * guard's to catch).
   */
  private static void assertTheLockWasAskedForOnce(IndexLockedException e) {
    LockObtainFailedException refusal =
        assertInstanceOf(LockObtainFailedException.class, e.getCause());
    for (StackTraceElement frame : refusal.getStackTrace()) {
      assertFalse(
          frame.getClassName().equals(SleepingLockWrapper.class.getName()),
          "the lock is asked for again after a pause: " + frame);
    }
  }

  /** Runs the command line {@code command} in another JVM on this test's folders. */
  private ForkedCli forked(String... command) throws IOException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--articles", articles.toString(),
            "--config", config.toString(),
            "--index", index.toString()));
    return ForkedCli.start(dir, args.toArray(String[]::new));
  }

  private KnowledgeBase open() throws IOException, ConfigException {
    return KnowledgeBase.open(TestCorpus.paths(articles, config, index));
  }

  private void buildIndex() throws IOException, ConfigException {
    try (KnowledgeBase kb = open()) {
      kb.sync(false, ProgressListener.NONE);
      assertEquals(real, kb.library().count());
    }
  }

  private static Set<String> listed(KnowledgeBase kb) throws IOException {
    Set<String> slugs = new TreeSet<>();
    for (ArticleSummary summary : kb.library().list(null, null, null)) {
      slugs.add(summary.slug());
    }
    return slugs;
  }

  private void addArticle(String slug, String word) throws IOException {
    Files.writeString(
        articles.resolve("empathy").resolve(slug + ".md"),
        TestCorpus.article(
            """
            title: Added %s
            summary: Holds the word %s.
            category: empathy
            level: foundation
            """
                .formatted(slug, word),
            TestCorpus.sections("Nothing else.")),
        StandardCharsets.UTF_8);
  }

  private void damage(Damage damage) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(index)) {
      files = list.filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
    }
    Path segments =
        files.stream()
            .filter(p -> p.getFileName().toString().startsWith("segments_"))
            .max(Comparator.comparing(Path::toString))
            .orElseThrow();
    Path largest = files.stream().max(Comparator.comparingLong(IndexFaultIT::size)).orElseThrow();
    switch (damage) {
      case TRUNCATE_SEGMENTS_FILE -> truncate(segments);
      case TRUNCATE_LARGEST_FILE -> truncate(largest);
      case FLIP_BYTES_IN_LARGEST_FILE -> {
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
          for (long at = file.length() / 3; at < file.length() * 2 / 3; at += 997) {
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x5A);
          }
        }
      }
      case ZERO_LARGEST_FILE -> Files.write(largest, new byte[(int) size(largest)]);
      case DELETE_SEGMENT_INFO -> {
        Path info =
            files.stream().filter(p -> p.toString().endsWith(".si")).findFirst().orElseThrow();
        Files.delete(info);
      }
      case GARBAGE_SEGMENTS_FILE ->
          Files.writeString(segments, "not a Lucene file", StandardCharsets.UTF_8);
    }
    assertFalse(IndexRecovery.checkClean(index), "the damage is real: " + damage);
  }

  private static void truncate(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
