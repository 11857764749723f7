package org.rapportkb.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.article.Article;
import org.rapportkb.config.KbConfig;

/**
 * The Lucene index of articles on disk: one writer, a {@link SearcherManager} for readers, and the
 * config fingerprint kept in each commit's user data.
 *
 * <p>NOTE: an index that cannot be opened (corrupt, truncated, from another Lucene version) is
 * moved aside and started afresh; the articles folder is the source of truth and the caller
 * rebuilds from it.
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
      Analyzer analyzer)
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
    this.searchers = new SearcherManager(directory, new TimedSearcherFactory());
  }

  /** Opens (or creates) the index for writing; a damaged index is moved aside and recreated. */
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
    Files.createDirectories(path);
    Analyzer analyzer = new IndexingAnalyzer(config);
    Directory directory = directories.open(path);
    try {
      if (!isHealthy(directory)) {
        directory.close();
        moveAside(path);
        Files.createDirectories(path);
        directory = directories.open(path);
      }
      return new ArticleIndex(path, directory, newWriter(directory, analyzer), config, analyzer);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(
          "the index at " + path + " is in use by another rapport-kb process", e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
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
    return new IndexWriter(directory, config);
  }

  /**
   * Whether the last commit can be opened and read and every file's checksum matches; an empty
   * folder counts as healthy.
   */
  static boolean isHealthy(Directory directory) {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return true;
      }
      SegmentInfos.readLatestCommit(directory);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (var leaf : reader.leaves()) {
          leaf.reader().checkIntegrity();
        }
        StoredFields stored = reader.storedFields();
        if (reader.maxDoc() > 0) {
          stored.document(reader.maxDoc() - 1);
        }
      }
      return true;
    } catch (IndexNotFoundException e) {
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warning("index cannot be read (" + e + "); it will be rebuilt");
      return false;
    }
  }

  /** Runs Lucene's {@link CheckIndex} over the last commit; true when it finds no problem. */
  public static boolean checkClean(Path path) throws IOException {
    try (Directory directory = FSDirectory.open(path);
        CheckIndex check = new CheckIndex(directory)) {
      return check.checkIndex().clean;
    }
  }

  private static void moveAside(Path path) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path target = path.resolveSibling(path.getFileName() + ".damaged-" + stamp);
    try {
      Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(path, target);
    }
    LOG.warning("moved the unreadable index to " + target);
  }

  /**
   * Analyzes the word fields (spelling, completion) with plain lowercase words and every other
   * field with the configured index chain of the current config.
   */
  private static final class IndexingAnalyzer extends DelegatingAnalyzerWrapper {
    private final Supplier<KbConfig> config;

    IndexingAnalyzer(Supplier<KbConfig> config) {
      super(PER_FIELD_REUSE_STRATEGY);
      this.config = config;
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
      if (IndexFields.SPELL.equals(fieldName) || IndexFields.COMPLETE.equals(fieldName)) {
        return WordAnalyzer.INSTANCE;
      }
      return config.get().indexAnalyzer();
    }
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

  /** What the index holds per slug, read from the sync-state doc values of the current searcher. */
  public Map<String, IndexedArticle> indexed() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Map<String, IndexedArticle> result = new HashMap<>();
      for (var leaf : searcher.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        BinaryDocValues states = leaf.reader().getBinaryDocValues(IndexFields.SYNC_STATE);
        for (int doc = 0; states != null && doc < leaf.reader().maxDoc(); doc++) {
          if ((live != null && !live.get(doc)) || !states.advanceExact(doc)) {
            continue;
          }
          IndexedArticle article = IndexedArticle.decode(states.binaryValue());
          result.put(article.slug(), article);
        }
      }
      return result;
    } finally {
      searchers.release(searcher);
    }
  }

  /** The slug in a {@link IndexFields#SYNC_STATE} doc value. */
  public static String slugOf(BytesRef syncState) {
    return IndexedArticle.decode(syncState).slug();
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

  /** Removes every article; used for a full rebuild, visible after the next {@link #commit}. */
  public void deleteAll() throws IOException {
    writer().deleteAll();
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
    searchers.maybeRefreshBlocking();
  }

  /**
   * Drops every change since the last commit, so that a sync that failed half-way leaves nothing
   * behind for the next one to commit by accident. The writer is reopened on next use.
   */
  public void discardPending() throws IOException {
    synchronized (writerLock) {
      if (writer.isOpen()) {
        writer.rollback();
      }
    }
  }

  /**
   * The writer, reopened on the last commit if the previous one was closed by a failure (Lucene
   * closes its writer after an error such as a full disk during a commit).
   */
  private IndexWriter writer() throws IOException {
    IndexWriter current = writer;
    if (current.isOpen()) {
      return current;
    }
    synchronized (writerLock) {
      if (!writer.isOpen()) {
        Throwable cause = writer.getTragicException();
        LOG.warning("reopening the index writer" + (cause == null ? "" : " after: " + cause));
        // NOTE: a writer closed by a failure on a merge thread may still be closing and holding the
        // write lock; rollback waits for that close to finish, and does nothing once it has.
        writer.rollback();
        writer = newWriter(directory, analyzer);
      }
      return writer;
    }
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

  @Override
  public void close() throws IOException {
    IndexWriter current;
    synchronized (writerLock) {
      current = writer;
    }
    try (directory;
        current;
        searchers) {
      // Closed in reverse order: searchers, then the writer (uncommitted work is dropped), then
      // the directory.
    }
  }

  /**
   * A file's size and modification time when it was read: while both are unchanged, the file is
   * taken to be unchanged and is not read again.
   *
   * <p>NOTE: a file modified less than {@link #SETTLE} ago gets the {@link #UNKNOWN} stamp, so its
   * content is compared at the next sync: file systems keep modification times in coarse ticks, and
   * a second save within the same tick and of the same size would otherwise go unnoticed.
   */
  public record FileStamp(long size, long modifiedNanos) {
    public static final FileStamp UNKNOWN = new FileStamp(-1, -1);
    static final long SETTLE = TimeUnit.SECONDS.toNanos(2);

    /** The stamp of a file now; take it before reading the file's content. */
    public static FileStamp of(Path file) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
      return now - modified < SETTLE ? UNKNOWN : new FileStamp(attributes.size(), modified);
    }

    public boolean isKnown() {
      return size >= 0;
    }
  }

  /** What the index remembers of one article, enough to decide whether to re-read its file. */
  public record IndexedArticle(
      String slug, String path, String hash, List<String> related, FileStamp stamp) {

    static IndexedArticle of(Article article, FileStamp stamp) {
      return new IndexedArticle(
          article.slug(), article.path(), article.hash(), article.meta().related(), stamp);
    }

    BytesRef encode() {
      return DocValueCodec.encode(
          out -> {
            out.writeUTF(slug);
            out.writeUTF(path);
            out.writeUTF(hash);
            DocValueCodec.writeStrings(out, related);
            out.writeLong(stamp.size());
            out.writeLong(stamp.modifiedNanos());
          });
    }

    public static IndexedArticle decode(BytesRef bytes) {
      return DocValueCodec.decode(
          bytes,
          in ->
              new IndexedArticle(
                  in.readUTF(),
                  in.readUTF(),
                  in.readUTF(),
                  DocValueCodec.readStrings(in),
                  new FileStamp(in.readLong(), in.readLong())));
    }
  }

  /** Gives every searcher the shared per-thread deadline. */
  private static final class TimedSearcherFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(
        org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setTimeout(Deadline.INSTANCE);
      return searcher;
    }
  }
}
