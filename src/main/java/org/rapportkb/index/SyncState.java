package org.rapportkb.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.article.Article;

/**
 * What the index remembers of an article's file, for a sync to tell whether to read it again.
 *
 * <p>Kept in the {@link IndexFields#SYNC_STATE} doc values of the article's document.
 */
public record SyncState(
    String slug, String path, String hash, List<String> related, FileStamp stamp) {

  /** The state of an article read from a file with this stamp. */
  static SyncState of(Article article, FileStamp stamp) {
    return new SyncState(
        article.slug(), article.path(), article.hash(), article.meta().related(), stamp);
  }

  /** The state of every article in the current commit, by slug. */
  public static Map<String, SyncState> all(ReferenceManager<IndexSearcher> searchers)
      throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return all(searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  private static Map<String, SyncState> all(IndexReader reader) throws IOException {
    Map<String, SyncState> result = new HashMap<>();
    for (var leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      BinaryDocValues states = leaf.reader().getBinaryDocValues(IndexFields.SYNC_STATE);
      for (int doc = 0; states != null && doc < leaf.reader().maxDoc(); doc++) {
        if ((live != null && !live.get(doc)) || !states.advanceExact(doc)) {
          continue;
        }
        SyncState state = decode(states.binaryValue());
        result.put(state.slug(), state);
      }
    }
    return result;
  }

  /** The slug in a {@link IndexFields#SYNC_STATE} doc value. */
  public static String slugOf(BytesRef value) {
    return decode(value).slug();
  }

  /** The doc value that holds this state. */
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

  /** Reads back what {@link #encode} wrote. */
  public static SyncState decode(BytesRef value) {
    return DocValueCodec.decode(
        value,
        in ->
            new SyncState(
                in.readUTF(),
                in.readUTF(),
                in.readUTF(),
                DocValueCodec.readStrings(in),
                new FileStamp(in.readLong(), in.readLong())));
  }
}
