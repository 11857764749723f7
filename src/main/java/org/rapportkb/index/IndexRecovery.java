package org.rapportkb.index;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.logging.Logger;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;

/**
 * Moves an index folder that cannot be read aside, so that it is rebuilt from the articles.
 *
 * <p>Unreadable means corrupt, truncated or from another Lucene version; the articles folder is the
 * source of truth. How much of an index is read to find out is the caller's {@link IndexCheck}.
 */
public final class IndexRecovery {
  private static final Logger LOG = Logger.getLogger(IndexRecovery.class.getName());

  private IndexRecovery() {}

  /**
   * The directory of {@code path}, made by {@code directories}, holding a readable index or none; a
   * damaged index is moved to a sibling folder named {@code NAME.damaged-TIMESTAMP}.
   *
   * <p>Only a process holding the index's write lock checks it, and it keeps the lock until a
   * damaged folder is moved: an index another process is writing looks unclosed (its writer removed
   * the clean-close mark) and may change under the check, and must never be moved from under it.
   * The lock is released on return and the caller's writer takes it again; should another process
   * take it in between, that writer is refused, or opens on the empty folder that took the place of
   * one the other process found damaged; a live index is never moved.
   *
   * @throws LockObtainFailedException when another writer holds the index; nothing was read
   */
  static Directory openReadable(
      Path path, ArticleIndex.DirectoryOpener directories, IndexCheck check) throws IOException {
    Files.createDirectories(path);
    Directory directory = directories.open(path);
    boolean healthy;
    try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      healthy = verify(directory, path, check).healthy();
      if (!healthy) {
        moveAside(path);
      }
    } catch (Throwable e) {
      IOUtils.closeWhileHandlingException(directory);
      throw e;
    }
    if (healthy) {
      return directory;
    }
    directory.close();
    Files.createDirectories(path);
    return directories.open(path);
  }

  /**
   * What opening an index found.
   *
   * @param healthy whether the last commit opens and reads, and each file read in full matched its
   *     checksum; an empty folder counts as healthy
   * @param checked how many files of the last commit were read in full against their checksums
   * @param files how many files the last commit has
   */
  record Verification(boolean healthy, int checked, int files) {}

  /**
   * Opens and reads the last commit of {@code directory} (at {@code path}): Lucene checks the
   * commit's checksum and each file's header and footer, the last document is read, and the files
   * {@code check} asks for are read in full against their checksums.
   */
  static Verification verify(Directory directory, Path path, IndexCheck check) {
    int checked = 0;
    int files = 0;
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return new Verification(true, 0, 0);
      }
      SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
      files = commit.files(true).size();
      Collection<String> toCheck =
          check == IndexCheck.EVERY_FILE
              ? commit.files(true)
              : CleanClose.unvouched(directory, path, commit);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (String name : toCheck) {
          try (IndexInput input = directory.openInput(name, IOContext.READONCE)) {
            CodecUtil.checksumEntireFile(input);
          }
          checked++;
        }
        if (reader.maxDoc() > 0) {
          reader.storedFields().document(reader.maxDoc() - 1);
        }
      }
      LOG.fine("index opened; " + checked + " of its " + files + " files read in full");
      return new Verification(true, checked, files);
    } catch (IndexNotFoundException e) {
      return new Verification(true, checked, files);
    } catch (IOException | RuntimeException e) {
      LOG.warning("index cannot be read (" + e + "); it will be rebuilt");
      return new Verification(false, checked, files);
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
