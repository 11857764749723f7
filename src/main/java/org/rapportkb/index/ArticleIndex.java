package org.rapportkb.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.rapportkb.article.Article;
import org.rapportkb.config.KbConfig;

/**
 * The article index on disk: its one writer, and the searchers that read its commits.
 *
 * <p>NOTE: an index that cannot be opened is moved aside and started afresh ({@link
 * IndexRecovery}); the caller rebuilds it from the articles folder. A writer closed by a failure is
 * reopened between syncs ({@link #reopenIfClosed}). A clean {@link #close} leaves a {@link
 * CleanClose} mark, which opening the writer removes.
 */
public final class ArticleIndex implements Closeable {
  static final String FINGERPRINT_KEY = "rapport-kb.fingerprint";
  private static final Logger LOG = Logger.getLogger(ArticleIndex.class.getName());

  private final Path path;
  private final Directory directory;
  private final Object writerLock = new Object();
  private volatile IndexWriter writer;
  private final SearcherManager searchers;
  private final DocumentFactory documents;
  private final Analyzer analyzer;

  private ArticleIndex(
      Path path,
      Directory directory,
      IndexWriter writer,
      Supplier<KbConfig> config,
      Analyzer analyzer,
      SearcherFactory searcherFactory)
      throws IOException {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.analyzer = analyzer;
    this.documents = new DocumentFactory(config);
    if (!DirectoryReader.indexExists(directory)) {
      writer.commit();
    }
    // Readers open commits, not the writer's pending state: searches never see a half-done sync,
    // and a writer lost to a disk error can be replaced without disturbing them.
    this.searchers = new SearcherManager(directory, searcherFactory);
  }

  /**
   * Opens (or creates) the index for writing; a damaged index is moved aside and recreated. Every
   * byte is checked only after an unclean close ({@link IndexCheck#AFTER_UNCLEAN_CLOSE}).
   */
  public static ArticleIndex open(Path path, Supplier<KbConfig> config) throws IOException {
    return open(path, config, FSDirectory::open);
  }

  /**
   * Like {@link #open(Path, Supplier)}, with the directory made by {@code directories}.
   *
   * @param config read at every document, so a reloaded config applies to the next write
   */
  public static ArticleIndex open(Path path, Supplier<KbConfig> config, DirectoryOpener directories)
      throws IOException {
    return open(path, config, directories, new SearcherFactory(), IndexCheck.AFTER_UNCLEAN_CLOSE);
  }

  /**
   * Like {@link #open(Path, Supplier, DirectoryOpener)}, with the searchers made by {@code
   * searcherFactory} (which may build per-reader state there), and the files read in full at open
   * chosen by {@code check}.
   */
  public static ArticleIndex open(
      Path path,
      Supplier<KbConfig> config,
      DirectoryOpener directories,
      SearcherFactory searcherFactory,
      IndexCheck check)
      throws IOException {
    Analyzer analyzer = new IndexingAnalyzer(config);
    Directory directory;
    try {
      directory = IndexRecovery.openReadable(path, directories, check);
    } catch (LockObtainFailedException e) {
      throw locked(path, e);
    }
    try {
      IndexWriter writer = newWriter(directory, analyzer);
      try {
        CleanClose.forget(directory);
        return new ArticleIndex(path, directory, writer, config, analyzer, searcherFactory);
      } catch (IOException | RuntimeException e) {
        IOUtils.closeWhileHandlingException(writer);
        throw e;
      }
    } catch (LockObtainFailedException e) {
      directory.close();
      throw locked(path, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  private static IndexLockedException locked(Path path, LockObtainFailedException cause) {
    return new IndexLockedException(
        "the index at " + path + " is in use by another rapport-kb process", cause);
  }

  /** Makes a {@link Directory} for a path; tests wrap it to inject faults. */
  @FunctionalInterface
  public interface DirectoryOpener {
    Directory open(Path path) throws IOException;
  }

  private static IndexWriter newWriter(Directory directory, Analyzer analyzer) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    config.setCommitOnClose(false);
    config.setCodec(new IndexCodec());
    return new IndexWriter(directory, config);
  }

  /** The analyzer articles are indexed with, field by field. */
  public Analyzer analyzer() {
    return analyzer;
  }

  public Path path() {
    return path;
  }

  /** The config fingerprint of the last commit, or null for a new index. */
  public String committedFingerprint() throws IOException {
    IndexWriter current = writer();
    Map<String, String> data = current.getLiveCommitData() == null ? Map.of() : toMap(current);
    return data.get(FINGERPRINT_KEY);
  }

  private static Map<String, String> toMap(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
      data.put(entry.getKey(), entry.getValue());
    }
    return data;
  }

  /**
   * Adds or replaces an article read from a file with this stamp; visible after the next {@link
   * #commit}.
   */
  public void put(Article article, FileStamp stamp) throws IOException {
    writer()
        .updateDocument(
            new Term(IndexFields.SLUG, article.slug()), documents.toDocument(article, stamp));
  }

  /**
   * Indexes {@code articles} into a throwaway index in memory, with the same documents and analysis
   * as {@link #put}, so that the code a save runs through is compiled before the first save; this
   * index is not touched.
   */
  public void rehearse(List<Article> articles) throws IOException {
    try (Directory scratch = new ByteBuffersDirectory();
        IndexWriter rehearsal = new IndexWriter(scratch, new IndexWriterConfig(analyzer))) {
      for (Article article : articles) {
        rehearsal.addDocument(documents.toDocument(article, FileStamp.UNKNOWN));
      }
      rehearsal.commit();
    }
  }

  /**
   * Replaces the passages of the article {@code slug} with {@code passages} (none removes them);
   * visible after the next {@link #commit}.
   */
  public void putPassages(String slug, List<org.apache.lucene.document.Document> passages)
      throws IOException {
    Term key = new Term(IndexFields.PASSAGE_OF, slug);
    if (passages.isEmpty()) {
      writer().deleteDocuments(key);
    } else {
      writer().updateDocuments(key, passages);
    }
  }

  /** Makes pending passage changes durable under the fingerprint of the last commit. */
  public void commitKeepingFingerprint() throws IOException {
    String fingerprint = committedFingerprint();
    commit(fingerprint == null ? "" : fingerprint);
  }

  /** Removes an article by slug; visible after the next {@link #commit}. */
  public void delete(String slug) throws IOException {
    writer().deleteDocuments(new Term(IndexFields.SLUG, slug));
  }

  /**
   * Removes every article; used for a full rebuild, visible after the next {@link #commit}. Until
   * that commit, flushed segments stay as their separate files rather than being copied once more
   * into a compound file, which only saves file handles on the small segments of single saves.
   */
  public void deleteAll() throws IOException {
    IndexWriter current = writer();
    current.deleteAll();
    current.getConfig().setUseCompoundFile(false);
  }

  /**
   * Writes one buffer of added articles to a new segment on the calling thread, so that several
   * threads can share that work before a {@link #commit}, which would otherwise do it all on one.
   */
  public void flushOneBuffer() throws IOException {
    writer().flushNextBuffer();
  }

  /** Makes the pending changes durable under {@code fingerprint} and visible to new searches. */
  public void commit(String fingerprint) throws IOException {
    IndexWriter current = writer();
    current.setLiveCommitData(Map.of(FINGERPRINT_KEY, fingerprint).entrySet());
    current.commit();
    current.getConfig().setUseCompoundFile(true);
    searchers.maybeRefreshBlocking();
  }

  /**
   * Drops every change since the last commit, so that a sync that failed half-way leaves nothing
   * behind for the next one to commit by accident. This closes the writer; {@link #reopenIfClosed}
   * opens the next.
   */
  public void discardPending() throws IOException {
    synchronized (writerLock) {
      if (writer.isOpen()) {
        writer.rollback();
      }
    }
  }

  /**
   * Opens a new writer on the last commit if the current one is closed: by {@link #discardPending},
   * or by Lucene after an error such as a full disk while writing a segment. Called only between
   * syncs ({@link Indexer}), never during one: a writer reopened in the middle of a sync would have
   * lost the sync's earlier changes, and committing the rest would publish half a sync.
   */
  void reopenIfClosed() throws IOException {
    synchronized (writerLock) {
      if (writer.isOpen()) {
        return;
      }
      Throwable cause = writer.getTragicException();
      LOG.warning("reopening the index writer" + (cause == null ? "" : " after: " + cause));
      // NOTE: a writer closed by a failure on a merge thread may still be closing and holding the
      // write lock; rollback waits for that close to finish, and does nothing once it has.
      writer.rollback();
      writer = newWriter(directory, analyzer);
    }
  }

  /** The writer; a closed one fails the write, and the next sync reopens it. */
  private IndexWriter writer() throws IOException {
    IndexWriter current = writer;
    if (!current.isOpen()) {
      throw new IOException(
          "the index writer was closed by a failure; the next sync reopens it",
          current.getTragicException());
    }
    return current;
  }

  public SearcherManager searchers() {
    return searchers;
  }

  /** How many articles, drafts included, the last commit holds. */
  public int size() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(
          new org.apache.lucene.search.TermQuery(new Term(IndexFields.KIND, IndexFields.ARTICLE)));
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Closes the searchers, then the writer (uncommitted work is dropped), then the directory. When
   * the writer was sound and everything closed without error, a {@link CleanClose} mark is left for
   * the last commit, so that the next open need not read every byte again.
   */
  @Override
  public void close() throws IOException {
    IndexWriter current;
    synchronized (writerLock) {
      current = writer;
    }
    try (directory) {
      boolean sound = current.isOpen();
      try (current;
          searchers) {
        // Closed in reverse order.
      }
      if (sound) {
        CleanClose.record(directory, path);
      }
    }
  }
}
