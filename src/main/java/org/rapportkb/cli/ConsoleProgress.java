package org.rapportkb.cli;

import java.io.PrintWriter;
import org.rapportkb.index.ProgressListener;

/** Prints indexing progress on large folders: a line every tenth of the way. */
final class ConsoleProgress implements ProgressListener {
  static final int LARGE = 500;
  private final PrintWriter err;
  private final long start = System.nanoTime();
  private int lastTenth;

  ConsoleProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void progress(int done, int total) {
    if (total < LARGE) {
      return;
    }
    int tenth = done * 10 / total;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      double seconds = (System.nanoTime() - start) / 1e9;
      err.printf("  %3d%%  %,d of %,d articles  (%.0f/s)%n", tenth * 10, done, total, done / Math.max(seconds, 1e-3));
      err.flush();
    }
  }
}
