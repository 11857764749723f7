package org.rapportkb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.rapportkb.DaemonThreads;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleFile;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.ArticleScanner;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.check.Problem;
import org.rapportkb.config.KbConfig;

/**
 * Brings the index in line with the articles folder: only new, changed and deleted files are
 * touched, all in one commit. Files are read and parsed on several threads.
 *
 * <p>NOTE: when a file that was indexed turns invalid (a half-saved edit, say), its last good
 * version stays searchable and the problem is reported; the folder remains the source of truth.
 */
public final class Indexer {
  private final ArticleIndex index;
  private final Path articlesDir;
  private final Supplier<KbConfig> configs;
  private final MarkdownRenderer renderer;

  /**
   * @param configs read at each sync, so that a reloaded config applies from the next one
   */
  public Indexer(
      ArticleIndex index, Path articlesDir, Supplier<KbConfig> configs, MarkdownRenderer renderer) {
    this.index = index;
    this.articlesDir = articlesDir;
    this.configs = configs;
    this.renderer = renderer;
  }

  public Path articlesDir() {
    return articlesDir;
  }

  /**
   * Syncs the index with the folder; a config change since the last commit forces a rebuild. A sync
   * that fails leaves the last commit as it was, and the next one starts on a writer reopened if
   * the failure closed it.
   */
  public synchronized IndexReport sync(boolean forceRebuild, ProgressListener progress)
      throws IOException {
    index.reopenIfClosed();
    try {
      return syncOnce(forceRebuild, progress);
    } catch (IOException | RuntimeException e) {
      try {
        index.discardPending();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private IndexReport syncOnce(boolean forceRebuild, ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    KbConfig config = configs.get();
    ArticleFolder folder = folder(config);
    ArticleScanner.Scan scan = folder.scan();
    boolean rebuild =
        forceRebuild || !config.indexFingerprint().equals(index.committedFingerprint());
    Map<String, SyncState> indexed = rebuild ? Map.of() : SyncState.all(index.searchers());
    Set<String> knownSlugs = scan.slugs();

    List<Problem> problems = Collections.synchronizedList(new ArrayList<>(scan.problems()));
    AtomicInteger added = new AtomicInteger();
    AtomicInteger updated = new AtomicInteger();
    AtomicInteger unchanged = new AtomicInteger();
    AtomicInteger invalid = new AtomicInteger(scan.problems().size());
    AtomicInteger done = new AtomicInteger();
    int total = scan.files().size();

    if (rebuild) {
      index.deleteAll();
    }
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
    folder.forEach(
        scan,
        threads,
        found -> {
          Outcome outcome = indexOne(found, indexed.get(found.file().slug()), problems);
          switch (outcome) {
            case ADDED -> added.incrementAndGet();
            case UPDATED -> updated.incrementAndGet();
            case UNCHANGED -> unchanged.incrementAndGet();
            case INVALID -> invalid.incrementAndGet();
          }
          progress.progress(done.incrementAndGet(), total);
        });
    if (added.get() + updated.get() > 0) {
      List<DaemonThreads.Task> flushes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        flushes.add(index::flushOneBuffer);
      }
      DaemonThreads.runAll("rapport-kb-indexer", threads, flushes);
    }

    int deleted = 0;
    for (String slug : indexed.keySet()) {
      if (!knownSlugs.contains(slug)) {
        index.delete(slug);
        deleted++;
      }
    }
    boolean changed = rebuild || added.get() + updated.get() + deleted > 0;
    if (changed) {
      index.commit(config.indexFingerprint());
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
    return new IndexReport(
        total + scan.problems().size(),
        added.get(),
        updated.get(),
        deleted,
        unchanged.get(),
        invalid.get(),
        rebuild,
        List.copyOf(sorted),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private ArticleFolder folder(KbConfig config) {
    return new ArticleFolder(articlesDir, new ArticleParser(renderer, config.curriculum()));
  }

  /** A change to the index that must not interleave with a sync. */
  @FunctionalInterface
  public interface IndexWrite {
    void run() throws IOException;
  }

  /**
   * Runs {@code write} while no sync runs, so that a commit it makes never holds a half-done sync;
   * like a sync, it starts on a writer reopened if a failure closed it.
   */
  public synchronized void exclusively(IndexWrite write) throws IOException {
    index.reopenIfClosed();
    write.run();
  }

  /**
   * Reads, parses and indexes the first {@code count} articles a walk of the folder meets into a
   * throwaway index ({@link ArticleIndex#rehearse}), so that a server's first save is not slowed by
   * code that was never run; the index is not changed. Invalid files are skipped.
   *
   * @return the articles that were read
   */
  public List<Article> rehearse(int count) throws IOException {
    ArticleFolder folder = folder(configs.get());
    List<Article> articles = new ArrayList<>();
    folder.forEach(
        folder.sample(count), 1, found -> found.read().article().ifPresent(articles::add));
    index.rehearse(articles);
    return articles;
  }

  private enum Outcome {
    ADDED,
    UPDATED,
    UNCHANGED,
    INVALID
  }

  private Outcome indexOne(ArticleFolder.Found found, SyncState previous, List<Problem> problems)
      throws IOException {
    ArticleFile file = found.file();
    Set<String> knownSlugs = found.knownSlugs();
    byte[] bytes;
    FileStamp stamp;
    try {
      stamp = FileStamp.of(file.file());
      if (previous != null
          && previous.stamp().isKnown()
          && previous.stamp().equals(stamp)
          && previous.path().equals(file.path())
          && knownSlugs.containsAll(previous.related())) {
        return Outcome.UNCHANGED;
      }
      bytes = Files.readAllBytes(file.file());
    } catch (NoSuchFileException e) {
      return previous == null ? Outcome.INVALID : Outcome.UNCHANGED;
    }
    if (previous != null
        && previous.hash().equals(ArticleParser.hash(bytes))
        && previous.path().equals(file.path())
        && knownSlugs.containsAll(previous.related())) {
      return Outcome.UNCHANGED;
    }
    ArticleParser.Result result = found.parse(bytes);
    problems.addAll(result.problems());
    if (result.article().isEmpty()) {
      return Outcome.INVALID;
    }
    Article article = result.article().get();
    index.put(article, stamp);
    return previous == null ? Outcome.ADDED : Outcome.UPDATED;
  }
}
