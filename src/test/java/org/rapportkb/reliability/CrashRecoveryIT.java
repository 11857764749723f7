package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.config.ConfigException;
import org.rapportkb.index.IndexRecovery;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;

/**
 * {@code kill -9} of an indexing process (a separate JVM running {@code index}) at three moments:
 * before the first commit, in the middle of an update, and as a rebuild finishes and commits. Each
 * time the next start opens the index (the killed process's {@code write.lock} is left behind),
 * Lucene's CheckIndex finds it clean, and after a sync every article is searchable.
 */
class CrashRecoveryIT {
  private static final int ARTICLES = 2_000;
  private static final Duration FORK_BOUND = Duration.ofSeconds(90);

  @TempDir Path dir;
  private Path articles;
  private Path config;
  private Path index;

  @BeforeEach
  void corpus() throws IOException {
    articles = dir.resolve("articles");
    TestCorpus.generate(articles, ARTICLES);
    config = TestCorpus.copyConfig(dir.resolve("config"));
    index = dir.resolve("index");
  }

  @Test
  void killedBeforeTheFirstCommitTheNextStartIndexesEverything() throws Exception {
    try (ForkedCli cli = indexInAnotherJvm()) {
      cli.await(line -> line.contains("30%"), FORK_BOUND);
      cli.kill();
    }
    assertTrue(
        Files.exists(index.resolve("write.lock")), "the killed process leaves its lock file");
    try (FSDirectory directory = FSDirectory.open(index)) {
      if (DirectoryReader.indexExists(directory)) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          assertEquals(0, reader.numDocs(), "killed before it committed any article");
        }
      }
    }
    restartAndExpectEverything(0, null);
  }

  @Test
  void killedInTheMiddleOfAnUpdateOrWhileCommittingTheIndexIsAlwaysOneWholeCommit()
      throws Exception {
    syncInThisJvm();

    appendToEveryArticle("Edition zqeditiontwo.");
    try (ForkedCli cli = indexInAnotherJvm()) {
      cli.await(line -> line.contains("50%"), FORK_BOUND);
      cli.kill();
    }
    assertTrue(IndexRecovery.checkClean(index), "the last commit is intact");
    try (KnowledgeBase kb = open()) {
      assertEquals(ARTICLES, kb.library().count(), "the previous commit serves every article");
      assertEquals(0, count(kb, "zqeditiontwo"), "nothing of the killed update is visible");
    }
    restartAndExpectEverything(ARTICLES, "zqeditiontwo");

    appendToEveryArticle("Edition zqeditionthree.");
    try (ForkedCli cli = indexInAnotherJvm("--rebuild")) {
      cli.await(line -> line.contains("100%"), FORK_BOUND);
      cli.kill();
    }
    assertTrue(IndexRecovery.checkClean(index), "whichever commit survived is whole");
    try (KnowledgeBase kb = open()) {
      assertEquals(ARTICLES, kb.library().count(), "the surviving commit holds every article");
      long edited = count(kb, "zqeditionthree");
      assertTrue(edited == 0 || edited == ARTICLES, "never part of a commit: " + edited);
    }
    restartAndExpectEverything(ARTICLES, "zqeditionthree");
  }

  private ForkedCli indexInAnotherJvm(String... extra) throws IOException {
    List<String> args =
        Stream.concat(
                Stream.of(
                    "index",
                    "--articles",
                    articles.toString(),
                    "--config",
                    config.toString(),
                    "--index",
                    index.toString()),
                Stream.of(extra))
            .toList();
    return ForkedCli.start(dir, args.toArray(String[]::new));
  }

  private KnowledgeBase open() throws IOException, ConfigException {
    return KnowledgeBase.open(TestCorpus.paths(articles, config, index));
  }

  private void syncInThisJvm() throws IOException, ConfigException {
    try (KnowledgeBase kb = open()) {
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(ARTICLES, report.added(), report.summary());
    }
  }

  private static long count(KnowledgeBase kb, String word) throws IOException {
    return kb.search().search(SearchRequest.of("\"" + word + "\"")).total();
  }

  private void appendToEveryArticle(String line) throws IOException {
    try (Stream<Path> walk = Files.walk(articles)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.writeString(
            file,
            Files.readString(file, StandardCharsets.UTF_8) + "\n" + line + "\n",
            StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * Opens the index as the next start would, syncs, and checks that every file is an article in the
   * index, findable by its own marker word, and that CheckIndex finds the index clean.
   *
   * @param alreadyIndexed how many articles the surviving commit already held
   * @param everywhere a word the last edit added to every article, or null
   */
  private void restartAndExpectEverything(int alreadyIndexed, String everywhere) throws Exception {
    Set<String> onDisk = TestCorpus.slugsOnDisk(articles);
    assertEquals(ARTICLES, onDisk.size());
    try (KnowledgeBase kb = open()) {
      assertEquals(alreadyIndexed, kb.library().count());
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(0, report.invalid(), report.problems().toString());
      assertEquals(ARTICLES, kb.library().count(), report.summary());
      Set<String> indexed = new TreeSet<>();
      for (ArticleSummary summary : kb.library().list(null, null, null)) {
        indexed.add(summary.slug());
      }
      assertEquals(onDisk, indexed);
      assertEquals(ARTICLES, kb.search().search(SearchRequest.of("")).total());
      for (int i = 0; i < ARTICLES; i += 97) {
        SearchResponse found =
            kb.search().search(SearchRequest.of("\"" + TestCorpus.marker(i) + "\""));
        assertEquals(1, found.total(), TestCorpus.marker(i));
        SearchHit hit = found.hits().get(0);
        assertTrue(hit.article().slug().endsWith("-v" + i), hit.article().slug());
      }
      if (everywhere != null) {
        assertEquals(ARTICLES, count(kb, everywhere));
      }
    }
    assertTrue(IndexRecovery.checkClean(index), "CheckIndex after the sync");
  }
}
