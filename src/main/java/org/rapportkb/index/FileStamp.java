package org.rapportkb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size and modification time when it was read: while both are unchanged, the file is taken
 * to be unchanged and is not read again.
 *
 * <p>NOTE: a file modified less than {@link #SETTLE} ago gets the {@link #UNKNOWN} stamp, so its
 * content is compared at the next sync: file systems keep modification times in coarse ticks, and a
 * second save within the same tick and of the same size would otherwise go unnoticed.
 */
public record FileStamp(long size, long modifiedNanos) {
  public static final FileStamp UNKNOWN = new FileStamp(-1, -1);
  static final long SETTLE = TimeUnit.SECONDS.toNanos(2);

  /** The stamp of a file now; take it before reading the file's content. */
  public static FileStamp of(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    return now - modified < SETTLE ? UNKNOWN : new FileStamp(attributes.size(), modified);
  }

  public boolean isKnown() {
    return size >= 0;
  }
}
