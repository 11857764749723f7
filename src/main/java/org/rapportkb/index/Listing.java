package org.rapportkb.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
    var bytes = new ByteArrayOutputStream(256);
    try (var out = new DataOutputStream(bytes)) {
      out.writeUTF(slug);
      out.writeUTF(title);
      out.writeUTF(summary);
      out.writeUTF(category);
      out.writeUTF(level);
      out.writeShort(tags.size());
      for (String tag : tags) {
        out.writeUTF(tag);
      }
      out.writeUTF(updated == null ? "" : updated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BytesRef(bytes.toByteArray());
  }

  private static Listing decode(BytesRef value) {
    try (var in =
        new DataInputStream(new ByteArrayInputStream(value.bytes, value.offset, value.length))) {
      String slug = in.readUTF();
      String title = in.readUTF();
      String summary = in.readUTF();
      String category = in.readUTF();
      String level = in.readUTF();
      int count = in.readShort();
      List<String> tags = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        tags.add(in.readUTF());
      }
      String updated = in.readUTF();
      return new Listing(
          slug,
          title,
          summary,
          category,
          level,
          List.copyOf(tags),
          updated.isEmpty() ? null : updated);
    } catch (IOException e) {
      throw new UncheckedIOException("a listing in the index is damaged", e);
    }
  }
}
