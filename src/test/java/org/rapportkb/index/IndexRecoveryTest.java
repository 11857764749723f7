package org.rapportkb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.UnreadableDirectory;

/** Opening an index folder: a readable index stays, an unreadable one is moved aside. */
class IndexRecoveryTest {
  @TempDir Path dir;

  private Path index() throws Exception {
    Path index = dir.resolve("index");
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField(IndexFields.SLUG, "empathy", Field.Store.YES));
      writer.addDocument(doc);
      writer.commit();
    }
    return index;
  }

  private List<String> siblings() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aMissingOrEmptyFolderIsCreatedAndCountsAsReadable() throws Exception {
    try (Directory directory =
        IndexRecovery.openReadable(dir.resolve("new"), FSDirectory::open, IndexCheck.EVERY_FILE)) {
      assertTrue(
          IndexRecovery.verify(directory, dir.resolve("new"), IndexCheck.EVERY_FILE).healthy());
    }
    assertEquals(List.of("new"), siblings());
  }

  @Test
  void aReadableIndexIsOpenedWhereItIs() throws Exception {
    Path index = index();
    try (Directory directory =
        IndexRecovery.openReadable(index, FSDirectory::open, IndexCheck.EVERY_FILE)) {
      assertTrue(IndexRecovery.verify(directory, index, IndexCheck.EVERY_FILE).healthy());
    }
    assertEquals(List.of("index"), siblings());
    assertTrue(IndexRecovery.checkClean(index));
  }

  @Test
  void anUnreadableIndexIsMovedAsideAndAnEmptyFolderTakesItsPlace() throws Exception {
    Path index = index();
    try (Stream<Path> files = Files.list(index)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".cfs")).toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }
    assertFalse(IndexRecovery.checkClean(index));
    try (Directory directory =
        IndexRecovery.openReadable(index, FSDirectory::open, IndexCheck.EVERY_FILE)) {
      assertEquals(0, directory.listAll().length, "the new folder is empty");
    }
    List<String> siblings = siblings();
    assertEquals(2, siblings.size(), siblings.toString());
    assertEquals("index", siblings.get(0));
    assertTrue(siblings.get(1).startsWith("index.damaged-"), siblings.toString());
  }

  @Test
  void anIndexAnotherWriterHoldsIsNeitherReadNorMovedAside() throws Exception {
    Path index = index();
    List<String> read = new CopyOnWriteArrayList<>();
    ArticleIndex.DirectoryOpener changing =
        path -> new UnreadableDirectory(FSDirectory.open(path), read);
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      assertThrows(
          LockObtainFailedException.class,
          () -> IndexRecovery.openReadable(index, changing, IndexCheck.EVERY_FILE));
      assertEquals(List.of(), read, "nothing was read");
      assertEquals(List.of("index"), siblings(), "the index stays where its writer has it");
      writer.addDocument(new Document());
      writer.commit();
    }
    assertTrue(IndexRecovery.checkClean(index), "the writer went on");

    // With no writer, the same failing reads make the index count as damaged.
    try (Directory directory = IndexRecovery.openReadable(index, changing, IndexCheck.EVERY_FILE)) {
      assertFalse(read.isEmpty());
    }
    List<String> siblings = siblings();
    assertEquals(2, siblings.size(), siblings.toString());
    assertTrue(siblings.get(1).startsWith("index.damaged-"), siblings.toString());
  }
}
