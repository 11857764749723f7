package org.rapportkb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.rapportkb.index.IndexFields;

/**
 * Views of one index reader in which only articles are live: the published ones, or all of them
 * with drafts. Searches run on a view instead of filtering every query by kind and draft state;
 * scores are unchanged (term statistics ignore which documents are live).
 */
final class ArticleViews {
  private final DirectoryReader published;
  private final DirectoryReader withDrafts;

  private ArticleViews(DirectoryReader published, DirectoryReader withDrafts) {
    this.published = published;
    this.withDrafts = withDrafts;
  }

  static ArticleViews of(DirectoryReader reader) throws IOException {
    return new ArticleViews(
        new LiveOnly(reader, new Term(IndexFields.DRAFT, "false")),
        new LiveOnly(reader, new Term(IndexFields.KIND, IndexFields.ARTICLE)));
  }

  /** The published articles, or every article when {@code includeDrafts}. */
  DirectoryReader view(boolean includeDrafts) {
    return includeDrafts ? withDrafts : published;
  }

  /** A reader in which only the live documents that hold one term are live. */
  private static final class LiveOnly extends FilterDirectoryReader {
    private final Term term;

    LiveOnly(DirectoryReader in, Term term) throws IOException {
      super(in, new Leaves(term));
      this.term = term;
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) throws IOException {
      return new LiveOnly(in, term);
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }

  private static final class Leaves extends FilterDirectoryReader.SubReaderWrapper {
    private final Term term;

    Leaves(Term term) {
      this.term = term;
    }

    @Override
    public LeafReader wrap(LeafReader reader) {
      try {
        return new LiveLeaf(reader, live(reader, term));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static FixedBitSet live(LeafReader reader, Term term) throws IOException {
      FixedBitSet bits = new FixedBitSet(reader.maxDoc());
      PostingsEnum postings = reader.postings(term, PostingsEnum.NONE);
      if (postings == null) {
        return bits;
      }
      Bits deleted = reader.getLiveDocs();
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (deleted == null || deleted.get(doc)) {
          bits.set(doc);
        }
      }
      return bits;
    }
  }

  /** A leaf whose live documents are the given ones; its core is the wrapped leaf's. */
  private static final class LiveLeaf extends FilterLeafReader {
    private final FixedBitSet live;
    private final int numDocs;

    LiveLeaf(LeafReader in, FixedBitSet live) {
      super(in);
      this.live = live;
      this.numDocs = live.cardinality();
    }

    @Override
    public Bits getLiveDocs() {
      return live;
    }

    @Override
    public int numDocs() {
      return numDocs;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
      return in.getCoreCacheHelper();
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
