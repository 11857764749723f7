package org.rapportkb.index;

/** How much of the last commit opening the index reads byte by byte against its checksums. */
public enum IndexCheck {
  /** Every file, whatever the last close was; for commands that go over the whole index anyway. */
  EVERY_FILE,

  /**
   * Every file only when the last process did not close the index cleanly; after a clean close,
   * only the files still settling then ({@link CleanClose}). Lucene's own checks at open (the
   * commit's checksum, each file's header and footer) run either way.
   */
  AFTER_UNCLEAN_CLOSE
}
