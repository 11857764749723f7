package org.rapportkb.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.index.IndexFields;
import org.rapportkb.index.SyncState;
import org.rapportkb.index.WordAnalyzer;

/**
 * Search-as-you-type over titles and aliases, with Lucene's {@link AnalyzingInfixSuggester}: any
 * word of a title may be the one being typed. Suggestions come in {@link CompletionMatch} order,
 * one per article, with the matched letters marked; aliases that are {@link KeywordList keyword
 * lists} are left out. Rebuilt from the index after each change, by one thread at a time: while it
 * rebuilds, the others keep answering from the previous suggester.
 */
final class TitleSuggester implements AutoCloseable {
  private static final int MIN_PREFIX_CHARS = 2;

  /**
   * Matches read per lookup before they are ranked. The lookup hands them over by weight, titles
   * first and shorter texts first, so the best ranked are among them.
   */
  private static final int CANDIDATES = 100;

  private static final long TITLE_WEIGHT = 1 << 16;
  private static final Comparator<Candidate> ORDER =
      Comparator.comparing(Candidate::match)
          .thenComparingInt(candidate -> candidate.entry().text().length())
          .thenComparing(candidate -> candidate.entry().text(), String.CASE_INSENSITIVE_ORDER)
          .thenComparing(candidate -> candidate.entry().slug());

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReentrantLock rebuilding = new ReentrantLock();
  private Built current;
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
    List<Entry> entries = entries(reader);
    MarkingSuggester lookup = new MarkingSuggester();
    lookup.build(new Entries(entries));
    Built old;
    lock.writeLock().lock();
    try {
      old = current;
      current = new Built(lookup, entries);
      builtFrom = reader;
    } finally {
      lock.writeLock().unlock();
    }
    if (old != null) {
      old.lookup().close();
    }
  }

  /** Up to {@code limit} completions for the text typed so far, best first, one per article. */
  List<Suggestion> suggest(String typed, int limit) throws IOException {
    lock.readLock().lock();
    try {
      List<String> typedWords = CompletionMatch.words(typed);
      if (current == null || typed.strip().length() < MIN_PREFIX_CHARS || typedWords.isEmpty()) {
        return List.of();
      }
      List<Candidate> candidates = new ArrayList<>();
      for (Lookup.LookupResult result : current.lookup().lookup(typed, CANDIDATES, true, true)) {
        Entry entry = current.entries().get(Integer.parseInt(result.payload.utf8ToString()));
        candidates.add(
            new Candidate(
                entry,
                CompletionMatch.of(typedWords, entry.text(), entry.alias()),
                MarkingSuggester.marksOf(result)));
      }
      candidates.sort(ORDER);
      Map<String, Suggestion> bySlug = new LinkedHashMap<>();
      for (Candidate candidate : candidates) {
        bySlug.putIfAbsent(candidate.entry().slug(), candidate.suggestion());
        if (bySlug.size() == limit) {
          break;
        }
      }
      return List.copyOf(bySlug.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Every title and alias (but keyword lists) of published articles, from doc values (stored fields
   * if missing).
   */
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
          slug = SyncState.slugOf(states.binaryValue());
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
        entries.add(new Entry(article.title(), article.title(), false, slug));
        for (String alias : article.aliases()) {
          if (!KeywordList.isKeywordList(alias)) {
            entries.add(new Entry(alias, article.title(), true, slug));
          }
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
        current.lookup().close();
        current = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** A title or an alias, with the article it opens. */
  private record Entry(String text, String title, boolean alias, String slug) {

    /** The lookup's order: titles first, then shorter texts first. */
    long weight() {
      long shortness = TITLE_WEIGHT - 1 - Math.min(text.length(), TITLE_WEIGHT - 1);
      return (alias ? 0 : TITLE_WEIGHT) + shortness;
    }
  }

  /** The lookup and the entries its payloads number. */
  private record Built(MarkingSuggester lookup, List<Entry> entries) {}

  /** A matching entry, how it matches, and where. */
  private record Candidate(Entry entry, CompletionMatch match, List<Suggestion.Mark> marks) {
    Suggestion suggestion() {
      return new Suggestion(entry.text(), entry.slug(), entry.title(), entry.alias(), marks);
    }
  }

  /** An infix suggester whose highlight is the list of matched parts of each text. */
  private static final class MarkingSuggester extends AnalyzingInfixSuggester {
    MarkingSuggester() throws IOException {
      // Each file in one buffer: every lookup slices the titles' doc values, and slicing a file
      // kept as many small buffers cost more than the rest of the lookup.
      super(
          new ByteBuffersDirectory(
              new SingleInstanceLockFactory(),
              ByteBuffersDataOutput::new,
              ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER),
          WordAnalyzer.INSTANCE,
          WordAnalyzer.INSTANCE,
          MIN_PREFIX_CHARS,
          false,
          true,
          false);
    }

    @Override
    protected Object highlight(String text, Set<String> matchedTokens, String prefixToken)
        throws IOException {
      List<Suggestion.Mark> marks = new ArrayList<>();
      try (TokenStream stream = queryAnalyzer.tokenStream("text", new StringReader(text))) {
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          String token = term.toString();
          int start = offsets.startOffset();
          int end = offsets.endOffset();
          if (matchedTokens.contains(token)) {
            marks.add(new Suggestion.Mark(start, end));
          } else if (prefixToken != null && token.startsWith(prefixToken)) {
            marks.add(new Suggestion.Mark(start, Math.min(end, start + prefixToken.length())));
          }
        }
        stream.end();
      }
      return marks;
    }

    @SuppressWarnings("unchecked")
    static List<Suggestion.Mark> marksOf(Lookup.LookupResult result) {
      return result.highlightKey instanceof List<?> marks
          ? (List<Suggestion.Mark>) marks
          : List.of();
    }
  }

  /** Feeds entries to the suggester's build; each payload is the entry's position. */
  private static final class Entries implements InputIterator {
    private final List<Entry> entries;
    private int next;

    Entries(List<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      if (next == entries.size()) {
        return null;
      }
      return new BytesRef(entries.get(next++).text());
    }

    @Override
    public long weight() {
      return entries.get(next - 1).weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(Integer.toString(next - 1));
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
