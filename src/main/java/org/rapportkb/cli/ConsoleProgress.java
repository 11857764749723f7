package org.rapportkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;

/** Prints indexing progress on large folders: a line every tenth of the way. */
final class ConsoleProgress implements ProgressListener {
  static final int LARGE = 500;

  /** Embedding is slower than indexing: its progress is shown from this many articles. */
  static final int LARGE_FOR_EMBEDDING = 20;

  private final PrintWriter err;
  private final long start = System.nanoTime();
  private final int large;
  private final String what;
  private int lastTenth;

  ConsoleProgress(PrintWriter err) {
    this(err, LARGE, "articles");
  }

  private ConsoleProgress(PrintWriter err, int large, String what) {
    this.err = err;
    this.large = large;
    this.what = what;
  }

  /**
   * Embeds the passages of articles whose vectors are missing or out of date, showing progress on
   * {@code err}; a no-op when they are up to date or semantic search is off.
   */
  static void embedReporting(KnowledgeBase kb, PrintWriter err) throws IOException {
    int embedded =
        kb.embedPassages(new ConsoleProgress(err, LARGE_FOR_EMBEDDING, "articles embedded"));
    if (embedded > 0) {
      err.println("semantic search: passages of " + embedded + " articles embedded");
      err.flush();
    }
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
    if (total < large) {
      return;
    }
    int tenth = done * 10 / total;
    if (tenth > lastTenth) {
      lastTenth = tenth;
      double seconds = (System.nanoTime() - start) / 1e9;
      err.printf(
          "  %3d%%  %,d of %,d %s  (%.0f/s)%n",
          tenth * 10, done, total, what, done / Math.max(seconds, 1e-3));
      err.flush();
    }
  }
}
