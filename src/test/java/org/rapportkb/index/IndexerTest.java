package org.rapportkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.check.Problem;
import org.rapportkb.search.SearchRequest;

class IndexerTest {
  @TempDir Path dir;

  private static List<String> find(KnowledgeBase kb, String query) throws Exception {
    return kb.search().search(SearchRequest.of(query)).hits().stream()
        .map(h -> h.article().slug())
        .toList();
  }

  @Test
  void firstSyncIndexesEveryValidFileAndSecondChangesNothing() throws Exception {
    try (KnowledgeBase kb = KnowledgeBase.open(Fixture.copyTo(dir))) {
      IndexReport first = kb.sync(false, ProgressListener.NONE);
      assertEquals(7, first.added());
      assertTrue(first.rebuilt(), "a new index is built from scratch");
      IndexReport second = kb.sync(false, ProgressListener.NONE);
      assertEquals(0, second.added() + second.updated() + second.deleted());
      assertEquals(7, second.unchanged());
      assertFalse(second.rebuilt());
    }
  }

  @Test
  void aRehearsalParsesAndIndexesNothingIntoTheIndex() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
    }
    Files.writeString(
        paths.articles().resolve("attending/active-listening.md"),
        "\nA note about kaleidoscopes.\n",
        StandardOpenOption.APPEND);
    Files.writeString(paths.articles().resolve("attending/broken.md"), "no front matter\n");
    List<String> before = indexFiles(paths.index());
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.rehearse();
      assertEquals(List.of(), find(kb, "kaleidoscopes"));
    }
    assertEquals(before, indexFiles(paths.index()), "no file of the index was written");
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      assertEquals(List.of(), find(kb, "kaleidoscopes"));
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(1, report.updated(), "the edit is still to be indexed");
      assertEquals(List.of("active-listening"), find(kb, "kaleidoscopes"));
    }
  }

  private static List<String> indexFiles(Path index) throws Exception {
    try (Stream<Path> files = Files.list(index)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRebuildWritesPlainSegmentFilesAndLaterSavesCompoundOnes() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(true, ProgressListener.NONE);
      List<Boolean> rebuilt = compoundFlags(paths.index());
      assertFalse(rebuilt.isEmpty());
      assertFalse(rebuilt.contains(true), rebuilt.toString());
      Files.writeString(
          paths.articles().resolve("empathy/empathy.md"),
          "\nA note about kaleidoscopes.\n",
          StandardOpenOption.APPEND);
      kb.sync(false, ProgressListener.NONE);
      List<Boolean> saved = compoundFlags(paths.index());
      // The rebuild's segments stay plain; one that held only the changed article is dropped.
      assertEquals(1, Collections.frequency(saved, true), saved.toString());
      assertTrue(saved.size() <= rebuilt.size() + 1, saved.toString());
      assertTrue(saved.get(saved.size() - 1), "the saved article's segment is a compound file");
      assertEquals(List.of("empathy"), find(kb, "kaleidoscopes"));
    }
  }

  /** Whether each segment of the last commit is a compound file, oldest first. */
  private static List<Boolean> compoundFlags(Path index) throws Exception {
    try (Directory directory = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(directory).asList().stream()
          .map(segment -> segment.info.getUseCompoundFile())
          .toList();
    }
  }

  @Test
  void anEditReindexesOnlyThatArticle() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      Path empathy = paths.articles().resolve("empathy/empathy.md");
      Files.writeString(empathy, "\nA note about kaleidoscopes.\n", StandardOpenOption.APPEND);
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(1, report.updated());
      assertEquals(6, report.unchanged());
      assertEquals(List.of("empathy"), find(kb, "kaleidoscopes"));
    }
  }

  @Test
  void deletedFilesLeaveTheIndexAndNewOnesJoinIt() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      Files.delete(paths.articles().resolve("attending/using-silence.md"));
      Files.copy(
          paths.articles().resolve("empathy/empathy.md"),
          paths.articles().resolve("empathy/empathy-copy.md"));
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(1, report.deleted());
      assertEquals(1, report.added());
      assertEquals(List.of("active-listening"), find(kb, "silence"));
    }
  }

  @Test
  void anInvalidEditIsReportedAndTheLastGoodVersionStays() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      Path empathy = paths.articles().resolve("empathy/empathy.md");
      Files.writeString(empathy, "---\ntitle: \ncategory: empathy\n");
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertEquals(1, report.invalid());
      assertTrue(
          report.problems().stream()
              .anyMatch(p -> p.path().equals("empathy/empathy.md") && p.isError()),
          report.problems().toString());
      assertEquals("empathy", find(kb, "empathy").get(0));
    }
  }

  @Test
  void aChangedAnalysisChainRebuildsButSynonymsApplyWithoutRebuilding() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      assertEquals(List.of(), find(kb, "sibling"));
      Files.writeString(
          paths.config().resolve("synonyms.txt"), "\nsibling, sister\n", StandardOpenOption.APPEND);
      List<Problem> problems = kb.reloadConfig();
      assertTrue(problems.isEmpty(), problems.toString());
      assertEquals(List.of("empathy"), find(kb, "sibling"));
      assertEquals(List.of("empathy"), find(kb, "body:sister*"));

      Files.writeString(
          paths.config().resolve("stopwords.txt"), "\nsister\n", StandardOpenOption.APPEND);
      kb.reloadConfig();
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertFalse(report.rebuilt(), "the reload already rebuilt");
    }
    try (KnowledgeBase reopened = KnowledgeBase.open(paths)) {
      IndexReport report = reopened.sync(false, ProgressListener.NONE);
      assertFalse(report.rebuilt(), "the fingerprint was committed with the rebuild");
      assertEquals(
          List.of(), find(reopened, "body:sister*"), "the rebuilt index has no stop words");
      assertEquals(List.of(), find(reopened, "sister"), "a query of stop words finds nothing");
    }
  }

  @Test
  void aConfigChangedWhileStoppedRebuildsOnNextStart() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
    }
    Files.writeString(
        paths.config().resolve("protected-words.txt"),
        "\nreflections\n",
        StandardOpenOption.APPEND);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertTrue(report.rebuilt());
      assertEquals(7, report.added());
    }
  }

  @Test
  void aDamagedIndexIsMovedAsideAndRebuilt() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
    }
    try (Stream<Path> files = Files.list(paths.index())) {
      for (Path file :
          files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      IndexReport report = kb.sync(false, ProgressListener.NONE);
      assertTrue(report.rebuilt());
      assertEquals("empathy", find(kb, "empathy").get(0));
    }
    assertTrue(IndexRecovery.checkClean(paths.index()));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertTrue(siblings.anyMatch(p -> p.getFileName().toString().startsWith("index.damaged-")));
    }
  }
}
