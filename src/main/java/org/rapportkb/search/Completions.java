package org.rapportkb.search;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.rapportkb.DaemonThreads;
import org.rapportkb.config.KbConfig;

/**
 * Search-as-you-type: title completions for what a trainee has typed so far, rebuilt on a
 * background thread when the index changes (meanwhile from the previous build).
 */
final class Completions implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Completions.class.getName());
  private static final int SUGGESTIONS = 8;

  private final ReferenceManager<IndexSearcher> searchers;
  private final Supplier<KbConfig> configs;
  private final TitleSuggester titles = new TitleSuggester();
  private final AtomicBoolean refreshQueued = new AtomicBoolean();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(DaemonThreads.named("rapport-kb-completions"));

  Completions(ReferenceManager<IndexSearcher> searchers, Supplier<KbConfig> configs) {
    this.searchers = searchers;
    this.configs = configs;
  }

  /** Completions for {@code typed}, best first. */
  List<Suggestion> suggest(String typed) throws IOException {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    String cleaned = QueryGuard.clean(typed, configs.get().limits());
    IndexSearcher searcher = searchers.acquire();
    try {
      if (titles.isBuilt()) {
        if (titles.isStale(searcher.getIndexReader())) {
          refreshInBackground();
        }
      } else {
        titles.rebuildIfStale(searcher.getIndexReader());
      }
      return titles.suggest(cleaned, SUGGESTIONS);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Rebuilds the completions from the current index on the background thread, unless a rebuild is
   * already waiting there; until it is done, suggestions come from the previous build.
   */
  void refreshInBackground() {
    if (!refreshQueued.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            refreshQueued.set(false);
            try {
              IndexSearcher current = searchers.acquire();
              try {
                titles.rebuildIfStale(current.getIndexReader());
              } finally {
                searchers.release(current);
              }
            } catch (IOException | RuntimeException e) {
              LOG.log(Level.WARNING, "cannot rebuild the title completions: " + e, e);
            }
          });
    } catch (RejectedExecutionException e) {
      refreshQueued.set(false);
    }
  }

  @Override
  public void close() throws IOException {
    background.shutdownNow();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    titles.close();
  }
}
