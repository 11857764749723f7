package org.rapportkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.index.ArticleIndex;
import org.rapportkb.index.IndexFields;
import org.rapportkb.index.WordAnalyzer;

/**
 * Search-as-you-type over titles and aliases, with Lucene's {@link AnalyzingInfixSuggester}: any
 * word of a title may be the one being typed. Rebuilt from the index after each change, by one
 * thread at a time: while it rebuilds, the others keep answering from the previous suggester.
 */
final class TitleSuggester implements AutoCloseable {
  private static final int MIN_PREFIX_CHARS = 2;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReentrantLock rebuilding = new ReentrantLock();
  private AnalyzingInfixSuggester current;
  private volatile IndexReader builtFrom;

  /** Whether a suggester was built (from any reader). */
  boolean isBuilt() {
    return builtFrom != null;
  }

  /** Whether the suggester was built from another reader than {@code reader}. */
  boolean isStale(IndexReader reader) {
    return builtFrom != reader;
  }

  /**
   * Rebuilds from {@code reader} unless it was already built from it; returns at once, without
   * rebuilding, when another thread is rebuilding and there is a suggester to answer meanwhile.
   */
  void rebuildIfStale(IndexReader reader) throws IOException {
    if (builtFrom == reader) {
      return;
    }
    if (!rebuilding.tryLock()) {
      if (builtFrom != null) {
        return;
      }
      rebuilding.lock();
    }
    try {
      if (builtFrom != reader) {
        rebuild(reader);
      }
    } finally {
      rebuilding.unlock();
    }
  }

  private void rebuild(IndexReader reader) throws IOException {
    AnalyzingInfixSuggester fresh =
        new AnalyzingInfixSuggester(
            new ByteBuffersDirectory(),
            WordAnalyzer.INSTANCE,
            WordAnalyzer.INSTANCE,
            MIN_PREFIX_CHARS,
            false,
            true,
            false);
    fresh.build(new Entries(entries(reader)));
    AnalyzingInfixSuggester old;
    lock.writeLock().lock();
    try {
      old = current;
      current = fresh;
      builtFrom = reader;
    } finally {
      lock.writeLock().unlock();
    }
    if (old != null) {
      old.close();
    }
  }

  /** Up to {@code limit} completions for the text typed so far, one per article. */
  List<Suggestion> suggest(String typed, int limit) throws IOException {
    lock.readLock().lock();
    try {
      if (current == null || typed.strip().length() < MIN_PREFIX_CHARS) {
        return List.of();
      }
      Map<String, Suggestion> bySlug = new LinkedHashMap<>();
      for (Lookup.LookupResult result : current.lookup(typed, limit * 3, true, false)) {
        String slug = result.payload.utf8ToString();
        bySlug.putIfAbsent(slug, new Suggestion(result.key.toString(), slug));
        if (bySlug.size() == limit) {
          break;
        }
      }
      return List.copyOf(bySlug.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every title and alias of published articles, from doc values (stored fields if missing). */
  private static List<Entry> entries(IndexReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    Set<String> fields =
        Set.of(IndexFields.SLUG, IndexFields.TITLE, IndexFields.STORED_ALIASES, IndexFields.DRAFT);
    for (var leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues completions = leaf.reader().getBinaryDocValues(IndexFields.COMPLETIONS);
      BinaryDocValues states = leaf.reader().getBinaryDocValues(IndexFields.SYNC_STATE);
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        String slug;
        IndexFields.Completions article;
        if (completions != null
            && completions.advanceExact(doc)
            && states != null
            && states.advanceExact(doc)) {
          article = IndexFields.decodeCompletions(completions.binaryValue());
          slug = ArticleIndex.slugOf(states.binaryValue());
        } else {
          Document document = stored.document(doc, fields);
          slug = document.get(IndexFields.SLUG);
          if (slug == null) {
            continue; // a passage, not an article
          }
          article =
              new IndexFields.Completions(
                  "true".equals(document.get(IndexFields.DRAFT)),
                  document.get(IndexFields.TITLE),
                  List.of(document.getValues(IndexFields.STORED_ALIASES)));
        }
        if (article.draft()) {
          continue;
        }
        entries.add(new Entry(article.title(), 2, slug));
        for (String alias : article.aliases()) {
          entries.add(new Entry(alias, 1, slug));
        }
      }
    }
    return entries;
  }

  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      if (current != null) {
        current.close();
        current = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private record Entry(String text, long weight, String slug) {}

  /** Feeds entries to the suggester's build. */
  private static final class Entries implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry entry;

    Entries(List<Entry> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) {
        return null;
      }
      entry = entries.next();
      return new BytesRef(entry.text());
    }

    @Override
    public long weight() {
      return entry.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(entry.slug());
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
