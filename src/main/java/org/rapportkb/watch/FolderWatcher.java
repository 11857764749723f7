package org.rapportkb.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleFile;
import org.rapportkb.article.FolderWalk;

/**
 * Watches the articles folder (recursively) and the config folder, and calls back once the files
 * have been quiet for a short while, so that a burst of saves makes one call.
 *
 * <p>Callbacks run one at a time on the watcher's own daemon thread. Article callbacks receive the
 * slugs (file names without {@code .md}) of the articles that were created, changed or deleted; an
 * empty set means "unknown, maybe all": events were lost or a folder was removed, and the caller
 * should compare the whole folder, as {@link KnowledgeBase#sync} does. A callback that throws is
 * logged and the watcher goes on. Editors' temporary files, hidden files and files not ending in
 * {@code .md} under the articles folder never cause a call.
 *
 * <p>NOTE: a watched root folder that is removed is looked for again every quiet period (and no
 * more often than every 100 ms), and its reappearance is reported as a full change.
 */
public final class FolderWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FolderWatcher.class.getName());
  private static final long MIN_RETRY_MILLIS = 100;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Path articlesDir;
  private final Path configDir;
  private final Consumer<Set<String>> onArticlesChanged;
  private final Runnable onConfigChanged;
  private final Duration debounce;
  private final PendingChanges pending;
  private WatchService service;
  private WatchedTree articles;
  private WatchedTree config;
  private Thread thread;
  private volatile boolean closed;

  /**
   * Creates a watcher; nothing is watched before {@link #start()}.
   *
   * @param onArticlesChanged told the slugs that changed under {@code articlesDir}; empty for all
   * @param onConfigChanged told that a file under {@code configDir} changed
   * @param debounce how long the folders must stay quiet before a callback (150 ms suits editors)
   */
  public FolderWatcher(
      Path articlesDir,
      Path configDir,
      Consumer<Set<String>> onArticlesChanged,
      Runnable onConfigChanged,
      Duration debounce) {
    this.articlesDir = articlesDir.toAbsolutePath().normalize();
    this.configDir = configDir.toAbsolutePath().normalize();
    this.onArticlesChanged = Objects.requireNonNull(onArticlesChanged);
    this.onConfigChanged = Objects.requireNonNull(onConfigChanged);
    if (debounce.isNegative()) {
      throw new IllegalArgumentException("debounce must not be negative: " + debounce);
    }
    this.debounce = debounce;
    this.pending = new PendingChanges(debounce);
  }

  /**
   * A watcher that keeps {@code kb}'s index in line with its folders: article changes sync the
   * index, config changes reload the config (logging its problems); {@code afterSync} is then told
   * what changed. Call {@link #start()} to begin.
   *
   * @throws IllegalArgumentException when {@code kb} is read-only
   */
  public static FolderWatcher forKnowledgeBase(
      KnowledgeBase kb, Consumer<ArticleChange> afterSync, Duration debounce) {
    var sync = new KnowledgeBaseSync(kb, afterSync);
    return new FolderWatcher(
        kb.paths().articles(),
        kb.paths().config(),
        sync::articlesChanged,
        sync::configChanged,
        debounce);
  }

  /**
   * Registers the folders and starts the watcher thread; changes made after this returns are seen.
   * A watcher closed before it started never starts.
   *
   * @throws IOException when the file system offers no watch service
   * @throws IllegalStateException when started twice
   */
  public void start() throws IOException {
    start(false);
  }

  /**
   * Like {@link #start()}, and the first callback, once the folders have been quiet, is a
   * comparison of the whole articles folder (an empty set of slugs): what changed before the
   * watcher started is caught up with too.
   */
  public void startWithRescan() throws IOException {
    start(true);
  }

  private synchronized void start(boolean rescan) throws IOException {
    if (closed) {
      return;
    }
    if (thread != null) {
      throw new IllegalStateException("the watcher was already started");
    }
    service = FileSystems.getDefault().newWatchService();
    articles = new WatchedTree(articlesDir, service);
    config = new WatchedTree(configDir, service);
    if (!articles.register(articlesDir).complete() || !articles.rootWatched()) {
      LOG.warning("not all of " + articlesDir + " can be watched; changes may be missed");
    }
    if (!config.register(configDir).complete() || !config.rootWatched()) {
      LOG.warning("not all of " + configDir + " can be watched; changes may be missed");
    }
    if (rescan) {
      pending.rescan(System.nanoTime());
    }
    thread = new Thread(this::run, "rapport-kb-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops watching; waits for a running callback to finish (for a few seconds at most). */
  @Override
  public void close() throws IOException {
    Thread running;
    synchronized (this) {
      closed = true;
      running = thread;
      if (service != null) {
        service.close();
      }
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(CLOSE_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (running.isAlive()) {
        LOG.warning("the watcher's last callback is still running after " + CLOSE_WAIT);
      }
    }
  }

  private void run() {
    try {
      while (!closed) {
        WatchKey key = next();
        while (key != null) {
          handle(key);
          key = service.poll();
        }
        lookForMissingRoots();
        if (pending.nanosUntilDue(System.nanoTime()) <= 0 && !closed) {
          dispatch(pending.drain());
        }
      }
    } catch (ClosedWatchServiceException e) {
      LOG.fine("the watcher stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the folder watcher stopped on an unexpected error", e);
    }
  }

  /** Waits for the next key, or until pending changes are due or a missing root is looked for. */
  private WatchKey next() throws InterruptedException {
    long wait = pending.nanosUntilDue(System.nanoTime());
    if (!articles.rootWatched() || !config.rootWatched()) {
      wait = Math.min(wait, Math.max(debounce.toMillis(), MIN_RETRY_MILLIS) * 1_000_000L);
    }
    if (wait == Long.MAX_VALUE) {
      return service.take();
    }
    return wait <= 0 ? service.poll() : service.poll(wait, TimeUnit.NANOSECONDS);
  }

  private void handle(WatchKey key) {
    long now = System.nanoTime();
    WatchedTree tree = articles.folderOf(key) != null ? articles : config;
    Path folder = tree.folderOf(key);
    if (folder == null) {
      key.pollEvents();
      key.reset();
      return;
    }
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        LOG.fine("events were lost under " + folder + "; rescanning");
        tree.registerAll();
        changedAll(tree, now);
      } else {
        handle(tree, event.kind(), folder.resolve((Path) event.context()), now);
      }
    }
    if (!key.reset()) {
      tree.lost(key);
      changedAll(tree, now);
    }
  }

  private void handle(WatchedTree tree, WatchEvent.Kind<?> kind, Path path, long now) {
    if (kind == ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      WatchedTree.Walk walk = tree.register(path);
      if (!walk.complete()) {
        changedAll(tree, now);
      }
      walk.files().forEach(file -> changed(tree, file, now));
    } else if (kind == ENTRY_DELETE && tree.isFolder(path)) {
      tree.forget(path);
      changedAll(tree, now);
    } else {
      changed(tree, path, now);
    }
  }

  private void changed(WatchedTree tree, Path file, long now) {
    if (tree == config) {
      if (!FolderWalk.isTemporary(file.getFileName().toString())) {
        pending.config(now);
      }
    } else if (FolderWalk.isArticleName(file)) {
      pending.article(slugOf(file.getFileName().toString()), now);
    }
  }

  /** The slug an article file name stands for: the name without {@code .md} and any folder. */
  static String slugOf(String fileName) {
    return ArticleFile.slugOf(fileName);
  }

  private void changedAll(WatchedTree tree, long now) {
    if (tree == config) {
      pending.config(now);
    } else {
      pending.rescan(now);
    }
  }

  private void lookForMissingRoots() {
    for (WatchedTree tree : new WatchedTree[] {articles, config}) {
      if (!tree.rootWatched() && Files.isDirectory(tree.root())) {
        WatchedTree.Walk walk = tree.register(tree.root());
        if (tree.rootWatched()) {
          LOG.fine(tree.root() + " is back; rescanning");
          changedAll(tree, System.nanoTime());
        }
        if (!walk.complete()) {
          changedAll(tree, System.nanoTime());
        }
      }
    }
  }

  private void dispatch(PendingChanges.Batch batch) {
    if (batch.config()) {
      call("config", onConfigChanged);
    }
    if (batch.articles()) {
      call("articles", () -> onArticlesChanged.accept(batch.slugs()));
    }
  }

  private static void call(String what, Runnable callback) {
    try {
      callback.run();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "the " + what + " change callback failed", e);
    }
  }
}
