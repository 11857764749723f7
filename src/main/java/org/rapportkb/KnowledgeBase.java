package org.rapportkb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.rapportkb.article.Article;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.check.Problem;
import org.rapportkb.config.ConfigException;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.ArticleIndex;
import org.rapportkb.index.ArticleProblems;
import org.rapportkb.index.IndexCheck;
import org.rapportkb.index.IndexLockedException;
import org.rapportkb.index.IndexReport;
import org.rapportkb.index.Indexer;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.library.ArticleLibrary;
import org.rapportkb.search.ReaderSearchers;
import org.rapportkb.search.SearchService;
import org.rapportkb.semantic.SemanticStatus;
import org.rapportkb.semantic.VectorSync;

/**
 * The engine as one object: config, index, indexer, search and library over one articles folder.
 * The command line and the web server both use it.
 */
public final class KnowledgeBase implements Closeable {
  /** How many articles {@link #rehearse} runs through: enough for the JIT to compile. */
  private static final int REHEARSED_ARTICLES = 30;

  private final Paths paths;
  private final MarkdownRenderer renderer = new MarkdownRenderer();
  private final ArticleIndex index;
  private final Indexer indexer;
  private final ReferenceManager<IndexSearcher> searchers;
  private final SearchService search;
  private final ArticleLibrary library;
  private final VectorSync vectors;

  /** The articles whose latest save could not be published, as the last sync found them. */
  private volatile ArticleProblems problems = ArticleProblems.NONE;

  /** Open until a sync has completed since the engine opened. */
  private final CountDownLatch firstSync = new CountDownLatch(1);

  /** The config in use; shared with the index, which reads it at every document. */
  private final AtomicReference<KbConfig> config;

  /** Where the engine reads articles and config and keeps its index. */
  public record Paths(Path articles, Path config, Path index) {
    /** The folders every command uses unless told otherwise: the one place they are named. */
    public static Paths defaults() {
      return new Paths(Path.of("articles"), Path.of("index-config"), Path.of("data", "index"));
    }
  }

  private KnowledgeBase(
      Paths paths,
      AtomicReference<KbConfig> config,
      ArticleIndex index,
      ReferenceManager<IndexSearcher> searchers) {
    this.paths = paths;
    this.config = config;
    this.index = index;
    this.searchers = searchers;
    this.indexer =
        index == null ? null : new Indexer(index, paths.articles(), this::config, renderer);
    this.vectors = index == null ? null : new VectorSync(index, indexer, this::config);
    var analyzer = index == null ? config.get().indexAnalyzer() : index.analyzer();
    this.search = new SearchService(searchers, this::config, analyzer, this::semanticStatus);
    this.library = new ArticleLibrary(searchers, analyzer, renderer);
  }

  /**
   * Opens the engine for reading and writing; fails if another process holds the index. Every byte
   * of the index is checked only when the last process did not close it cleanly.
   */
  public static KnowledgeBase open(Paths paths) throws IOException, ConfigException {
    return open(paths, IndexCheck.AFTER_UNCLEAN_CLOSE);
  }

  /**
   * Like {@link #open(Paths)}, with the index files read in full at open chosen by {@code check}.
   */
  public static KnowledgeBase open(Paths paths, IndexCheck check)
      throws IOException, ConfigException {
    requireArticles(paths);
    AtomicReference<KbConfig> config = new AtomicReference<>(ConfigLoader.load(paths.config()));
    ArticleIndex index =
        ArticleIndex.open(
            paths.index(),
            config::get,
            FSDirectory::open,
            new ReaderSearchers(() -> config.get().indexAnalyzer()),
            check);
    try {
      return new KnowledgeBase(paths, config, index, index.searchers());
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /**
   * Opens the engine to search: read-write when it can, or read-only on the last commit when
   * another process (a running server) holds the index.
   */
  public static KnowledgeBase openForSearch(Paths paths) throws IOException, ConfigException {
    try {
      return open(paths);
    } catch (IndexLockedException e) {
      KbConfig config = ConfigLoader.load(paths.config());
      SearcherManager readOnly =
          new SearcherManager(
              FSDirectory.open(paths.index()), new ReaderSearchers(config::indexAnalyzer));
      return new KnowledgeBase(paths, new AtomicReference<>(config), null, readOnly);
    }
  }

  private static void requireArticles(Paths paths) throws IOException {
    if (!Files.isDirectory(paths.articles())) {
      throw new IOException("articles folder not found: " + paths.articles());
    }
  }

  public KbConfig config() {
    return config.get();
  }

  public Paths paths() {
    return paths;
  }

  /** Whether this engine may write (false when another process holds the index). */
  public boolean writable() {
    return indexer != null;
  }

  /**
   * Brings the index up to date with the articles folder, and records which articles could not be
   * published (see {@link #problems()}).
   */
  public synchronized IndexReport sync(boolean rebuild, ProgressListener progress)
      throws IOException {
    if (indexer == null) {
      throw new IOException(
          "the index is in use by another rapport-kb process; it cannot be updated from here");
    }
    IndexReport report = indexer.sync(rebuild, progress);
    problems = ArticleProblems.from(report, paths.articles());
    firstSync.countDown();
    vectors.requestUpdate();
    return report;
  }

  /**
   * Whether a sync has compared the articles folder with the index since the engine opened; until
   * then the index is its last commit as found, which may lag behind the folder.
   */
  public boolean synced() {
    return firstSync.getCount() == 0;
  }

  /** Waits until {@link #synced()}. */
  public void awaitSynced() throws InterruptedException {
    firstSync.await();
  }

  /**
   * Whether the index can be served as it is: it has a commit built with the current config. A new
   * index, one moved aside as damaged, or one built with another analysis needs a full sync first.
   */
  public boolean indexFitsConfig() throws IOException {
    return index != null && config().indexFingerprint().equals(index.committedFingerprint());
  }

  /**
   * The articles whose latest save could not be published, with their errors, as the last sync
   * found them (none before the first sync, and none where the index is read-only). A published
   * article among them is still served at its last good version.
   */
  public ArticleProblems problems() {
    return problems;
  }

  /**
   * Embeds, on the calling thread, the passages of every article whose vectors are missing or out
   * of date (a sync asks for this in the background by itself); returns how many articles were
   * embedded. Does nothing where the index is read-only or semantic search is off.
   */
  public int embedPassages(ProgressListener progress) throws IOException {
    return vectors == null ? 0 : vectors.update(progress);
  }

  /** How many articles have had their passages embedded since the engine was opened. */
  public long articlesEmbedded() {
    return vectors == null ? 0 : vectors.articlesEmbedded();
  }

  /** How many articles wait for their passages to be embedded. */
  public int passagesPending() throws IOException {
    return vectors == null ? 0 : vectors.pending();
  }

  /** Whether search by meaning is off, unavailable, still building its vectors, or ready. */
  public SemanticStatus semanticStatus() {
    return vectors == null ? SemanticStatus.of(config().semantic()) : vectors.status();
  }

  /**
   * Runs a few articles through reading, parsing and indexing without changing the index (see
   * {@link Indexer#rehearse}), then renders their pages, so that the first change a running server
   * picks up is indexed, and the first article opened is rendered, at full speed. Does nothing
   * where the index is read-only.
   */
  public void rehearse() throws IOException {
    if (indexer != null) {
      for (Article article : indexer.rehearse(REHEARSED_ARTICLES)) {
        renderer.toHtml(article.body().markdown());
      }
    }
  }

  /**
   * Reads the config folder again; when it is valid, uses it from now on and re-syncs (a changed
   * analysis chain rebuilds the index). Returns the problems found; on errors the old config stays.
   */
  public List<Problem> reloadConfig() throws IOException {
    List<Problem> problems = new ArrayList<>();
    Optional<KbConfig> loaded = ConfigLoader.load(paths.config(), problems);
    if (loaded.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      return problems;
    }
    config.set(loaded.get());
    if (indexer != null) {
      problems.addAll(sync(false, ProgressListener.NONE).problems());
    }
    return problems;
  }

  public SearchService search() {
    return search;
  }

  public ArticleLibrary library() {
    return library;
  }

  public MarkdownRenderer renderer() {
    return renderer;
  }

  @Override
  public void close() throws IOException {
    try (Closeable closeIndex = index == null ? searchers : index) {
      if (vectors != null) {
        vectors.close();
      }
      search.close();
    }
  }
}
