package org.rapportkb.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.StringHelper;

/**
 * The mark a clean close leaves in the index folder: the commit the index was closed on (its
 * segments file and unique id) and the {@link FileStamp} of each of its files, so that the next
 * open need not read every byte of the files this mark vouches for.
 *
 * <p>NOTE: a writer removes the mark as soon as it opens the index, so a process that dies (kill
 * -9, a crash, a power cut) leaves none. A mark names its commit, so one left from before another
 * process committed vouches for nothing; and a file still settling when the mark was written (a
 * modification time within {@link FileStamp#SETTLE}) is not vouched for, since a later change in
 * the same tick of the clock would keep its stamp.
 */
final class CleanClose {
  static final String FILE = "clean-close";
  private static final String WRITING = FILE + ".tmp";
  private static final String CODEC = "RapportKbCleanClose";
  private static final int VERSION = 1;

  private CleanClose() {}

  /**
   * Writes the mark for the last commit in {@code directory}, whose files are under {@code path};
   * it replaces any earlier one in one atomic rename, and is on disk when this returns.
   */
  static void record(Directory directory, Path path) throws IOException {
    SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
    deleteIfPresent(directory, WRITING);
    try (IndexOutput out = directory.createOutput(WRITING, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, CODEC, VERSION);
      out.writeString(commit.getSegmentsFileName());
      out.writeBytes(commit.getId(), commit.getId().length);
      Collection<String> files = commit.files(true);
      out.writeVInt(files.size());
      for (String name : files) {
        FileStamp stamp = FileStamp.of(path.resolve(name));
        out.writeString(name);
        out.writeZLong(stamp.size());
        out.writeZLong(stamp.modifiedNanos());
      }
      CodecUtil.writeFooter(out);
    }
    directory.sync(List.of(WRITING));
    directory.rename(WRITING, FILE);
    directory.syncMetaData();
  }

  /** Removes the mark, and makes that durable, before anything in the index may change. */
  static void forget(Directory directory) throws IOException {
    if (deleteIfPresent(directory, FILE)) {
      directory.syncMetaData();
    }
  }

  /**
   * The files of {@code commit} whose every byte must still be read: none when the mark vouches for
   * them all; those still settling when it was written; or all of them when there is no mark for
   * this commit, or a file is not the one the mark saw (another size or modification time).
   */
  static Collection<String> unvouched(Directory directory, Path path, SegmentInfos commit)
      throws IOException {
    Collection<String> files = commit.files(true);
    Map<String, FileStamp> vouched = vouched(directory, commit);
    List<String> settling = new ArrayList<>();
    for (String name : files) {
      FileStamp seen = vouched.get(name);
      if (seen == null) {
        return files;
      }
      if (!seen.isKnown()) {
        settling.add(name);
      } else if (!seen.equals(stampOrUnknown(path.resolve(name)))) {
        return files;
      }
    }
    return settling;
  }

  /** The stamps the mark holds, by file name; none without a whole mark for this very commit. */
  private static Map<String, FileStamp> vouched(Directory directory, SegmentInfos commit) {
    try (ChecksumIndexInput in = directory.openChecksumInput(FILE)) {
      CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
      String segments = in.readString();
      byte[] id = new byte[StringHelper.ID_LENGTH];
      in.readBytes(id, 0, id.length);
      int count = in.readVInt();
      Map<String, FileStamp> stamps = new HashMap<>();
      for (int i = 0; i < count; i++) {
        stamps.put(in.readString(), new FileStamp(in.readZLong(), in.readZLong()));
      }
      CodecUtil.checkFooter(in);
      boolean thisCommit =
          segments.equals(commit.getSegmentsFileName()) && Arrays.equals(id, commit.getId());
      return thisCommit ? stamps : Map.of();
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  private static FileStamp stampOrUnknown(Path file) {
    try {
      return FileStamp.of(file);
    } catch (IOException e) {
      return FileStamp.UNKNOWN;
    }
  }

  private static boolean deleteIfPresent(Directory directory, String name) throws IOException {
    try {
      directory.deleteFile(name);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }
}
