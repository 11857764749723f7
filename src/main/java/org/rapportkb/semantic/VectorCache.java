package org.rapportkb.semantic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.index.IndexFields;

/**
 * Passage vectors by the digest of what was embedded (model and text), so that an unchanged passage
 * is never embedded twice: first from memory, then from any passage in the index with the same
 * digest (a rebuild or an edit elsewhere in the article keeps its vectors).
 */
final class VectorCache {
  private static final int KEPT = 50_000;

  /** Shared by every index in the process; vectors depend only on model and text. */
  private static final Map<String, float[]> MEMORY =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > KEPT;
        }
      };

  private VectorCache() {}

  /** The digest under which the vector of {@code text} embedded by {@code model} is kept. */
  static String digest(String model, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The vector kept for {@code digest}, from memory or from {@code reader}; null if none. */
  static float[] find(String digest, IndexReader reader) throws IOException {
    synchronized (MEMORY) {
      float[] kept = MEMORY.get(digest);
      if (kept != null) {
        return kept;
      }
    }
    float[] stored = fromIndex(digest, reader);
    if (stored != null) {
      keep(digest, stored);
    }
    return stored;
  }

  static void keep(String digest, float[] vector) {
    synchronized (MEMORY) {
      MEMORY.put(digest, vector);
    }
  }

  private static float[] fromIndex(String digest, IndexReader reader) throws IOException {
    Term term = new Term(IndexFields.PASSAGE_HASH, digest);
    for (LeafReaderContext leaf : reader.leaves()) {
      var terms = leaf.reader().terms(IndexFields.PASSAGE_HASH);
      FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexFields.PASSAGE_VECTOR);
      if (terms == null || vectors == null) {
        continue;
      }
      TermsEnum words = terms.iterator();
      if (!words.seekExact(new BytesRef(term.text()))) {
        continue;
      }
      PostingsEnum postings = words.postings(null, PostingsEnum.NONE);
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        KnnVectorValues.DocIndexIterator at = vectors.iterator();
        if (at.advance(doc) == doc) {
          return vectors.vectorValue(at.index()).clone();
        }
      }
    }
    return null;
  }
}
