package org.rapportkb.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.check.Problem;
import org.rapportkb.index.ArticleProblems;
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

  /**
   * Syncs, then logs and reports the change: the articles saved, and those whose errors changed
   * with them (an article whose related article was deleted, say). The problems logged are those of
   * these articles (of all when unknown), one line each, and each file that became valid again.
   */
  void articlesChanged(Set<String> slugs) {
    ArticleProblems before = kb.problems();
    IndexReport report = sync();
    ArticleProblems after = kb.problems();
    Set<String> changed = new HashSet<>(slugs);
    if (!slugs.isEmpty()) {
      changed.addAll(after.slugsChangedSince(before));
    }
    log(
        "articles",
        report.problems().stream()
            .filter(p -> changed.isEmpty() || changed.contains(FolderWatcher.slugOf(p.path())))
            .map(p -> p.in(kb.paths().articles()))
            .toList());
    logValidAgain(before, after);
    afterSync.accept(new ArticleChange(changed, report));
  }

  /** Logs each file that had errors and has none now. */
  private static void logValidAgain(ArticleProblems before, ArticleProblems after) {
    for (String path : before.paths()) {
      if (!after.paths().contains(path) && Files.exists(Path.of(path))) {
        LOG.info("articles: " + path + ": valid again");
      }
    }
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
