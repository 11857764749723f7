package org.rapportkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.IndexReport;
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

  /** Syncs the index showing progress, and prints each problem found, on {@code err}. */
  static IndexReport syncReporting(KnowledgeBase kb, boolean rebuild, PrintWriter err)
      throws IOException {
    IndexReport report = kb.sync(rebuild, new ConsoleProgress(err));
    report.problems().forEach(err::println);
    err.flush();
    return report;
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
      err.printf(
          "  %3d%%  %,d of %,d articles  (%.0f/s)%n",
          tenth * 10, done, total, done / Math.max(seconds, 1e-3));
      err.flush();
    }
  }
}
