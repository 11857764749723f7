package org.rapportkb.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.BytesRef;

/**
 * What a list or a search result shows of an article. It is kept in binary doc values ({@link
 * IndexFields#LISTING}), so that showing ten results reads a few hundred bytes each instead of
 * decompressing whole stored articles.
 *
 * @param updated the ISO date of the last update, or null
 */
public record Listing(
    String slug,
    String title,
    String summary,
    String category,
    String level,
    List<String> tags,
    String updated) {

  /** Where the article is read on the site. */
  public String url() {
    return "/articles/" + slug;
  }

  /** The listing of the article with this index-wide document id. */
  public static Listing read(IndexReader reader, int docId) throws IOException {
    return decode(IndexFields.binaryValue(reader, IndexFields.LISTING, docId));
  }

  /** The doc value that holds this listing. */
  BytesRef encode() {
    return DocValueCodec.encode(
        out -> {
          out.writeUTF(slug);
          out.writeUTF(title);
          out.writeUTF(summary);
          out.writeUTF(category);
          out.writeUTF(level);
          DocValueCodec.writeStrings(out, tags);
          out.writeUTF(updated == null ? "" : updated);
        });
  }

  private static Listing decode(BytesRef value) {
    return DocValueCodec.decode(
        value,
        in -> {
          String slug = in.readUTF();
          String title = in.readUTF();
          String summary = in.readUTF();
          String category = in.readUTF();
          String level = in.readUTF();
          List<String> tags = DocValueCodec.readStrings(in);
          String updated = in.readUTF();
          return new Listing(
              slug, title, summary, category, level, tags, updated.isEmpty() ? null : updated);
        });
  }
}
