package org.rapportkb.index;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Moves an index folder that cannot be read aside, so that it is rebuilt from the articles.
 *
 * <p>Unreadable means corrupt, truncated or from another Lucene version; the articles folder is the
 * source of truth.
 */
public final class IndexRecovery {
  private static final Logger LOG = Logger.getLogger(IndexRecovery.class.getName());

  private IndexRecovery() {}

  /**
   * The directory of {@code path}, made by {@code directories}, holding a readable index or none; a
   * damaged index is moved to a sibling folder named {@code NAME.damaged-TIMESTAMP}.
   */
  static Directory openReadable(Path path, ArticleIndex.DirectoryOpener directories)
      throws IOException {
    Files.createDirectories(path);
    Directory directory = directories.open(path);
    if (isHealthy(directory)) {
      return directory;
    }
    directory.close();
    moveAside(path);
    Files.createDirectories(path);
    return directories.open(path);
  }

  /**
   * Whether the last commit can be opened and read and every file's checksum matches; an empty
   * folder counts as healthy.
   */
  static boolean isHealthy(Directory directory) {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return true;
      }
      SegmentInfos.readLatestCommit(directory);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (var leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
        StoredFields stored = reader.storedFields();
        if (reader.maxDoc() > 0) {
          stored.document(reader.maxDoc() - 1);
        }
      }
      return true;
    } catch (IndexNotFoundException e) {
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warning("index cannot be read (" + e + "); it will be rebuilt");
      return false;
    }
  }

  /** Runs Lucene's {@link CheckIndex} over the last commit; true when it finds no problem. */
  public static boolean checkClean(Path path) throws IOException {
    try (Directory directory = FSDirectory.open(path);
        CheckIndex check = new CheckIndex(directory)) {
      return check.checkIndex().clean;
    }
  }

  private static void moveAside(Path path) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path target = path.resolveSibling(path.getFileName() + ".damaged-" + stamp);
    try {
      Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(path, target);
    }
    LOG.warning("moved the unreadable index to " + target);
  }
}
