package org.rapportkb.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.check.Problem;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.ProgressListener;

/** Turns what the watcher saw into syncs of a knowledge base, and reports each one. */
final class KnowledgeBaseSync {
  private static final Logger LOG = Logger.getLogger(KnowledgeBaseSync.class.getName());

  private final KnowledgeBase kb;
  private final Consumer<ArticleChange> afterSync;

  KnowledgeBaseSync(KnowledgeBase kb, Consumer<ArticleChange> afterSync) {
    if (!kb.writable()) {
      throw new IllegalArgumentException("the index is read-only here; it cannot follow changes");
    }
    this.kb = kb;
    this.afterSync = afterSync;
  }

  /** Syncs, and logs the problems of the files that changed (of all files when unknown). */
  void articlesChanged(Set<String> slugs) {
    IndexReport report = sync();
    log(
        "articles",
        report.problems().stream()
            .filter(p -> slugs.isEmpty() || slugs.contains(FolderWatcher.slugOf(p.path())))
            .toList());
    afterSync.accept(new ArticleChange(slugs, report));
  }

  /**
   * Reloads the config, which re-syncs the index when the config is valid; the report then comes
   * from one more sync, which finds the index up to date unless articles changed meanwhile. The
   * problems logged are those of the reload, articles included.
   */
  void configChanged() {
    try {
      log("config", kb.reloadConfig());
    } catch (IOException e) {
      throw new UncheckedIOException("reloading the config failed: " + e.getMessage(), e);
    }
    afterSync.accept(new ArticleChange(Set.of(), sync()));
  }

  private IndexReport sync() {
    IndexReport report;
    try {
      report = kb.sync(false, ProgressListener.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("syncing the index failed: " + e.getMessage(), e);
    }
    if (report.changed()) {
      LOG.info(report.summary());
    }
    return report;
  }

  private static void log(String what, List<Problem> problems) {
    for (Problem problem : problems) {
      LOG.log(problem.isError() ? Level.WARNING : Level.INFO, what + ": " + problem);
    }
  }
}
