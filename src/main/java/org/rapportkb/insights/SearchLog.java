package org.rapportkb.insights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search log on disk: one append-only JSON-lines file per day ({@code
 * searches-yyyy-mm-dd.jsonl}) in a folder of its own, readable by its owner only.
 *
 * <p>Each line is written whole by one append, and appends are serialized, so concurrent searches
 * never interleave. A crash can at worst cut the last line short: readers skip a line that is not
 * whole JSON, and the next append starts on a fresh line. Old entries go by deleting whole files of
 * past days, which are never written again, so deleting never races with appending.
 */
public final class SearchLog {
  private static final Pattern FILE_NAME =
      Pattern.compile("searches-(\\d{4}-\\d{2}-\\d{2})\\.jsonl");
  private static final byte NEWLINE = '\n';

  private final Path folder;

  /** A log kept in {@code folder}, which is made on the first append. */
  public SearchLog(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** Appends {@code line} to the file of its day. */
  public synchronized void append(LogLine line) throws IOException {
    Path file = folder.resolve("searches-" + line.day() + ".jsonl");
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, ownerOnly("rwx------"));
    }
    byte[] json = line.toJson().getBytes(StandardCharsets.UTF_8);
    boolean cutShort = endsCutShort(file);
    ByteBuffer buffer = ByteBuffer.allocate(json.length + (cutShort ? 2 : 1));
    if (cutShort) {
      buffer.put(NEWLINE);
    }
    buffer.put(json).put(NEWLINE).flip();
    try (FileChannel channel =
        FileChannel.open(
            file,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            ownerOnly("rw-------"))) {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /** Every whole line of the days from {@code since} on, oldest first, in the order written. */
  public List<LogLine> read(LocalDate since) throws IOException {
    List<LogLine> lines = new ArrayList<>();
    for (Path file : files().tailMap(since).values()) {
      List<String> text;
      try {
        text = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        continue; // deleted by retention since the folder was listed
      }
      for (String json : text) {
        LogLine.parse(json).ifPresent(lines::add);
      }
    }
    return lines;
  }

  /** Deletes the files of every day before {@code keepFrom}; returns how many were deleted. */
  public int deleteBefore(LocalDate keepFrom) throws IOException {
    int deleted = 0;
    for (Path file : files().headMap(keepFrom).values()) {
      if (Files.deleteIfExists(file)) {
        deleted++;
      }
    }
    return deleted;
  }

  /** The log's files by their day. */
  private TreeMap<LocalDate, Path> files() throws IOException {
    TreeMap<LocalDate, Path> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path file : entries) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (name.matches()) {
          try {
            files.put(LocalDate.parse(name.group(1)), file);
          } catch (DateTimeParseException e) {
            // Not a day: not one of the log's files.
          }
        }
      }
    }
    return files;
  }

  /** Whether {@code file} ends in the middle of a line (a write cut short by a crash). */
  private static boolean endsCutShort(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return false;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, size - 1);
      return last.get(0) != NEWLINE;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Owner-only permissions where the file system has them, else none. */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
