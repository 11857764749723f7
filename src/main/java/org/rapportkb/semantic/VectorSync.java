package org.rapportkb.semantic;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.rapportkb.DaemonThreads;
import org.rapportkb.config.KbConfig;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.index.ArticleIndex;
import org.rapportkb.index.IndexFields;
import org.rapportkb.index.Indexer;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.index.SyncState;

/**
 * Keeps the passage vectors in step with the articles, after the word index: articles are
 * searchable by their words as soon as they are indexed, and by meaning once their passages are
 * embedded here, in the background or (for the command line) on the caller's thread. Only articles
 * whose text or model changed are embedded again, and unchanged passages reuse their vectors.
 */
public final class VectorSync implements Closeable {
  private static final Logger LOG = Logger.getLogger(VectorSync.class.getName());

  /** Articles embedded between two looks at the clock. */
  private static final int BATCH = 8;

  /** A pass over this many articles or more logs its progress. */
  private static final int LOGGED_PASS = 200;

  /** How often, at most, embedded passages are committed while a long pass runs. */
  private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);

  private final ArticleIndex index;
  private final Indexer indexer;
  private final Supplier<KbConfig> configs;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(DaemonThreads.named("rapport-kb-embeddings"));
  private volatile SemanticStatus status = SemanticStatus.READY;
  private final java.util.concurrent.atomic.AtomicLong articlesEmbedded =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean closed;

  public VectorSync(ArticleIndex index, Indexer indexer, Supplier<KbConfig> configs) {
    this.index = index;
    this.indexer = indexer;
    this.configs = configs;
  }

  /** Where the vectors stand now. */
  public SemanticStatus status() {
    SemanticStatus allowed = SemanticStatus.of(configs.get().semantic());
    return allowed == SemanticStatus.READY ? status : allowed;
  }

  /** Brings the vectors up to date on the background thread, soon; repeated calls coalesce. */
  public void requestUpdate() {
    if (closed || !queued.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            queued.set(false);
            try {
              update(ProgressListener.NONE);
            } catch (IOException | RuntimeException e) {
              if (!closed) {
                LOG.log(Level.WARNING, "cannot embed passages: " + e, e);
              }
            }
          });
    } catch (RejectedExecutionException e) {
      queued.set(false);
    }
  }

  /**
   * Embeds the passages of every article that needs it on the calling thread, reporting progress in
   * articles; returns how many articles were embedded.
   */
  public synchronized int update(ProgressListener progress) throws IOException {
    SemanticSettings settings = configs.get().semantic();
    if (!settings.enabled()) {
      return 0;
    }
    Embedders.Loaded loaded = Embedders.get(settings.model(), settings.threads());
    if (!loaded.ok()) {
      return 0;
    }
    Embedder embedder = loaded.embedder();
    Plan plan = plan(embedder.model());
    if (plan.todo().isEmpty() && plan.orphans().isEmpty()) {
      status = SemanticStatus.READY;
      return 0;
    }
    long started = System.nanoTime();
    int passages = 0;
    int done = 0;
    int total = plan.todo().size();
    status = SemanticStatus.building(0, total);
    long lastCommit = System.nanoTime();
    boolean pending = false;
    for (int from = 0; from < total && !closed; from += BATCH) {
      List<String> batch = plan.todo().subList(from, Math.min(total, from + BATCH));
      Map<String, List<Document>> docs = embed(batch, embedder);
      for (List<Document> list : docs.values()) {
        passages += list.size();
      }
      indexer.exclusively(
          () -> {
            for (Map.Entry<String, List<Document>> entry : docs.entrySet()) {
              index.putPassages(entry.getKey(), entry.getValue());
            }
          });
      pending = true;
      done += batch.size();
      articlesEmbedded.addAndGet(docs.size());
      status = SemanticStatus.building(done, total);
      progress.progress(done, total);
      logProgress(done - batch.size(), done, total);
      if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
        indexer.exclusively(index::commitKeepingFingerprint);
        lastCommit = System.nanoTime();
        pending = false;
      }
    }
    if (closed) {
      return done;
    }
    if (pending || !plan.orphans().isEmpty()) {
      indexer.exclusively(
          () -> {
            for (String orphan : plan.orphans()) {
              index.putPassages(orphan, List.of());
            }
            index.commitKeepingFingerprint();
          });
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (total > 0) {
      LOG.info(
          String.format(
              "embedded %d passages of %d articles in %.1f s (%.0f passages/s)",
              passages, total, seconds, passages / Math.max(seconds, 1e-3)));
    }
    status = SemanticStatus.READY;
    return done;
  }

  /** Logs each tenth of a long pass, so that a server's log shows how far it has got. */
  private static void logProgress(int before, int done, int total) {
    if (total >= LOGGED_PASS && done * 10 / total > before * 10 / total) {
      LOG.info(
          String.format(
              "embedding passages: %d%% (%,d of %,d articles)", done * 100 / total, done, total));
    }
  }

  /** How many articles have had their passages embedded since this was opened. */
  public long articlesEmbedded() {
    return articlesEmbedded.get();
  }

  /** How many articles wait for their passages to be embedded (0 when semantic search is off). */
  public int pending() throws IOException {
    SemanticSettings settings = configs.get().semantic();
    if (!settings.enabled()) {
      return 0;
    }
    return plan(settings.model()).todo().size();
  }

  /** Which articles need new passages, and which passages lost their article. */
  private record Plan(List<String> todo, List<String> orphans) {}

  private Plan plan(String model) throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      Map<String, String> articles = new HashMap<>();
      Map<String, PassageDocs.Source> passages = new HashMap<>();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        BinaryDocValues states = leaf.reader().getBinaryDocValues(IndexFields.SYNC_STATE);
        BinaryDocValues sources = leaf.reader().getBinaryDocValues(IndexFields.PASSAGE_SOURCE);
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (states != null && states.advanceExact(doc)) {
            var article = SyncState.decode(states.binaryValue());
            articles.put(article.slug(), article.hash());
          } else if (sources != null && sources.advanceExact(doc)) {
            PassageDocs.Source source = PassageDocs.sourceOf(sources.binaryValue());
            passages.put(source.slug(), source);
          }
        }
      }
      List<String> todo = new ArrayList<>();
      articles.forEach(
          (slug, hash) -> {
            PassageDocs.Source source = passages.get(slug);
            if (source == null
                || !source.articleHash().equals(hash)
                || !source.model().equals(model)) {
              todo.add(slug);
            }
          });
      todo.sort(null);
      List<String> orphans = new ArrayList<>();
      for (String slug : passages.keySet()) {
        if (!articles.containsKey(slug)) {
          orphans.add(slug);
        }
      }
      return new Plan(todo, orphans);
    } finally {
      index.searchers().release(searcher);
    }
  }

  /** The passage documents of each article in {@code slugs} that is still in the index. */
  private Map<String, List<Document>> embed(List<String> slugs, Embedder embedder)
      throws IOException {
    IndexSearcher searcher = index.searchers().acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      Map<String, List<Document>> result = new HashMap<>();
      List<Pending> missing = new ArrayList<>();
      List<Pending> all = new ArrayList<>();
      for (String slug : slugs) {
        var hits =
            searcher.search(
                new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(IndexFields.SLUG, slug)),
                1);
        if (hits.scoreDocs.length == 0) {
          continue;
        }
        int docId = hits.scoreDocs[0].doc;
        var state =
            SyncState.decode(IndexFields.binaryValue(reader, IndexFields.SYNC_STATE, docId));
        PassageSplitter.Source article = PassageDocs.articleSource(reader, docId);
        PassageDocs.Source source = new PassageDocs.Source(slug, state.hash(), embedder.model());
        result.put(slug, new ArrayList<>());
        for (Passage passage : PassageSplitter.split(article)) {
          String text = passage.embeddingText(article.title());
          String digest = VectorCache.digest(embedder.model(), text);
          Pending one = new Pending(source, passage, text, digest);
          one.vector = VectorCache.find(digest, reader);
          if (one.vector == null) {
            missing.add(one);
          }
          all.add(one);
        }
      }
      if (!missing.isEmpty()) {
        List<float[]> vectors =
            embedder.embedPassages(missing.stream().map(Pending::text).toList());
        for (int i = 0; i < missing.size(); i++) {
          Pending one = missing.get(i);
          one.vector = Vectors.unit(vectors.get(i));
          VectorCache.keep(one.digest, one.vector);
        }
      }
      for (Pending one : all) {
        result
            .get(one.source.slug())
            .add(PassageDocs.toDocument(one.source, one.passage, one.digest, one.vector));
      }
      return result;
    } finally {
      index.searchers().release(searcher);
    }
  }

  /** A passage on its way into the index. */
  private static final class Pending {
    final PassageDocs.Source source;
    final Passage passage;
    final String text;
    final String digest;
    float[] vector;

    Pending(PassageDocs.Source source, Passage passage, String text, String digest) {
      this.source = source;
      this.passage = passage;
      this.text = text;
      this.digest = digest;
    }

    String text() {
      return text;
    }
  }

  /**
   * Stops after the batch in hand. NOTE: the background thread is never interrupted: an interrupt
   * during file I/O closes Lucene's channels and with them the index writer.
   */
  @Override
  public void close() {
    closed = true;
    background.shutdown();
    try {
      background.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
