package org.rapportkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.cli.Main;

/**
 * Which opens may skip reading every byte of the index: one after a clean close, for the files the
 * close vouched for; not one after a kill, nor one of files changed or committed since.
 */
class CleanCloseTest {
  private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minusSeconds(3600));

  @TempDir Path dir;
  private KnowledgeBase.Paths paths;
  private int articles;

  /** The fixture indexed and closed cleanly, its files written an hour before the close. */
  @BeforeEach
  void indexedAndClosedCleanly() throws Exception {
    paths = Fixture.copyTo(dir);
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      articles = kb.library().count();
      setEveryModifiedTime(paths.index(), AN_HOUR_AGO);
    }
  }

  @Test
  void afterACleanCloseNoFileIsReadInFullUnlessEveryFileIsAskedFor() throws Exception {
    IndexRecovery.Verification opened = verify(paths.index(), IndexCheck.AFTER_UNCLEAN_CLOSE);
    assertTrue(opened.healthy());
    assertTrue(opened.files() > 2, "a commit has files: " + opened);
    assertEquals(0, opened.checked());
    assertEquals(opened.files(), verify(paths.index(), IndexCheck.EVERY_FILE).checked());
  }

  @Test
  void filesStillSettlingAtTheCloseAreReadInFull() throws Exception {
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      addArticle("settling", "zqsettling");
      assertEquals(1, kb.sync(false, ProgressListener.NONE).added());
    }
    IndexRecovery.Verification opened = verify(paths.index(), IndexCheck.AFTER_UNCLEAN_CLOSE);
    assertTrue(opened.healthy());
    assertTrue(
        opened.checked() > 0 && opened.checked() < opened.files(),
        "the new segment and commit, not the files of an hour ago: " + opened);
  }

  @Test
  void openingTheWriterRemovesTheMarkSoThatAKilledProcessLeavesNone() throws Exception {
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      IndexRecovery.Verification meanwhile = verify(paths.index(), IndexCheck.AFTER_UNCLEAN_CLOSE);
      assertEquals(meanwhile.files(), meanwhile.checked(), "what a kill -9 now would leave");
    }
  }

  @Test
  void afterAKillDamageThatKeepsEveryStampIsFoundAndTheIndexRebuilt() throws Exception {
    Path killed = dir.resolve("killed");
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      // The folder as a kill -9 leaves it: the writer's lock file, and no mark.
      Fixture.copyTree(paths.index(), killed);
    }
    damageKeepingTheStamp(largestFile(killed));
    paths = new KnowledgeBase.Paths(paths.articles(), paths.config(), killed);
    assertMovedAsideAndRebuilt();
  }

  @Test
  void aFileChangedSinceTheCleanCloseHasEveryFileReadInFull() throws Exception {
    Path largest = largestFile(paths.index());
    flipBytesInTheMiddle(largest);
    Files.setLastModifiedTime(largest, FileTime.from(Instant.now().minusSeconds(60)));
    IndexRecovery.Verification opened = verify(paths.index(), IndexCheck.AFTER_UNCLEAN_CLOSE);
    assertFalse(opened.healthy());
    assertMovedAsideAndRebuilt();
  }

  @Test
  void aMarkFromBeforeAnotherProcessCommittedVouchesForNothing() throws Exception {
    // A program that does not know the mark (an older rapport-kb, say) commits to the index.
    try (Directory directory = FSDirectory.open(paths.index());
        IndexWriter other = new IndexWriter(directory, new IndexWriterConfig())) {
      other.addDocument(new Document());
      other.commit();
    }
    setEveryModifiedTime(paths.index(), AN_HOUR_AGO);
    IndexRecovery.Verification opened = verify(paths.index(), IndexCheck.AFTER_UNCLEAN_CLOSE);
    assertTrue(opened.healthy());
    assertEquals(opened.files(), opened.checked());
  }

  @Test
  void theIndexCommandStillReadsEveryFile() throws Exception {
    damageKeepingTheStamp(largestFile(paths.index()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "index",
            "--articles",
            paths.articles().toString(),
            "--config",
            paths.config().toString(),
            "--index",
            paths.index().toString());
    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("rebuilt"), out.toString());
    assertEquals(1, damagedSiblings(), "the damaged index is kept aside");
  }

  private static IndexRecovery.Verification verify(Path index, IndexCheck check)
      throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      return IndexRecovery.verify(directory, index, check);
    }
  }

  private void assertMovedAsideAndRebuilt() throws Exception {
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      assertEquals(articles, kb.library().count());
    }
    assertEquals(1, damagedSiblings(), "the damaged index is kept aside");
    assertTrue(IndexRecovery.checkClean(paths.index()));
  }

  private long damagedSiblings() throws IOException {
    String prefix = paths.index().getFileName() + ".damaged-";
    try (Stream<Path> siblings = Files.list(paths.index().getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
    }
  }

  private static List<Path> files(Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static void setEveryModifiedTime(Path index, FileTime time) throws IOException {
    for (Path file : files(index)) {
      Files.setLastModifiedTime(file, time);
    }
  }

  private static Path largestFile(Path index) throws IOException {
    return files(index).stream()
        .max(Comparator.comparingLong(f -> f.toFile().length()))
        .orElseThrow();
  }

  /** Damage no stamp can show: the same size and, put back, the same modification time. */
  private static void damageKeepingTheStamp(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    flipBytesInTheMiddle(file);
    Files.setLastModifiedTime(file, modified);
  }

  private static void flipBytesInTheMiddle(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      for (long at = raf.length() / 3; at < raf.length() * 2 / 3; at += 97) {
        raf.seek(at);
        int b = raf.read();
        raf.seek(at);
        raf.write(b ^ 0x5A);
      }
    }
  }

  private void addArticle(String slug, String word) throws IOException {
    Path empathy = paths.articles().resolve("empathy").resolve("empathy.md");
    Files.writeString(
        paths.articles().resolve("empathy").resolve(slug + ".md"),
        Files.readString(empathy, StandardCharsets.UTF_8)
            .replace("title: Empathy", "title: Settling " + word)
            .replace("aliases: [empathic understanding]", "aliases: []"),
        StandardCharsets.UTF_8);
  }
}
