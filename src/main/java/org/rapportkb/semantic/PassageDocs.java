package org.rapportkb.semantic;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.article.Heading;
import org.rapportkb.index.DocValueCodec;
import org.rapportkb.index.IndexFields;
import org.rapportkb.json.Json;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

/**
 * The Lucene documents that hold an article's passages and their vectors, beside the article's own
 * document in the same index, and what is read back from an article to cut them.
 */
public final class PassageDocs {
  private PassageDocs() {}

  /** Which article version and model a passage came from. */
  public record Source(String slug, String articleHash, String model) {
    BytesRef encode() {
      return DocValueCodec.encode(
          out -> {
            out.writeUTF(slug);
            out.writeUTF(articleHash);
            out.writeUTF(model);
          });
    }

    static Source decode(BytesRef bytes) {
      return DocValueCodec.decode(
          bytes, in -> new Source(in.readUTF(), in.readUTF(), in.readUTF()));
    }
  }

  /** The document of one embedded passage. */
  public static Document toDocument(Source source, Passage passage, String hash, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.KIND, IndexFields.PASSAGE, Field.Store.NO));
    doc.add(new StringField(IndexFields.PASSAGE_OF, source.slug(), Field.Store.NO));
    doc.add(new SortedDocValuesField(IndexFields.PASSAGE_OF, new BytesRef(source.slug())));
    doc.add(new BinaryDocValuesField(IndexFields.PASSAGE_SOURCE, source.encode()));
    doc.add(new StringField(IndexFields.PASSAGE_HASH, hash, Field.Store.NO));
    doc.add(
        new KnnFloatVectorField(
            IndexFields.PASSAGE_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    doc.add(new StoredField(IndexFields.PASSAGE_HEADING, passage.heading()));
    doc.add(new StoredField(IndexFields.PASSAGE_ANCHOR, passage.anchor()));
    doc.add(new StoredField(IndexFields.PASSAGE_TEXT, passage.text()));
    return doc;
  }

  /** The source recorded in a passage document's {@link IndexFields#PASSAGE_SOURCE}. */
  public static Source sourceOf(BytesRef value) {
    return Source.decode(value);
  }

  /** A stored passage: its heading, anchor and text. */
  public static Passage read(IndexReader reader, int docId) throws IOException {
    Document doc =
        stored(
            reader,
            docId,
            IndexFields.PASSAGE_HEADING,
            IndexFields.PASSAGE_ANCHOR,
            IndexFields.PASSAGE_TEXT);
    return new Passage(
        doc.get(IndexFields.PASSAGE_HEADING),
        doc.get(IndexFields.PASSAGE_ANCHOR),
        doc.get(IndexFields.PASSAGE_TEXT));
  }

  /** What the splitter needs of the article indexed as {@code docId}. */
  public static PassageSplitter.Source articleSource(IndexReader reader, int docId)
      throws IOException {
    Document doc =
        stored(
            reader,
            docId,
            IndexFields.TITLE,
            IndexFields.SUMMARY,
            IndexFields.STORED_ALIASES,
            IndexFields.HEADINGS,
            IndexFields.PRACTICE);
    String practice = doc.get(IndexFields.PRACTICE);
    List<PracticeItem> items =
        practice == null ? List.of() : Json.MAPPER.readValue(practice, SkillPractice.class).items();
    List<Heading> headings =
        Json.MAPPER.readValue(doc.get(IndexFields.HEADINGS), new TypeReference<List<Heading>>() {});
    return new PassageSplitter.Source(
        doc.get(IndexFields.TITLE),
        doc.get(IndexFields.SUMMARY),
        List.of(doc.getValues(IndexFields.STORED_ALIASES)),
        IndexFields.bodyText(reader, docId),
        headings,
        items);
  }

  private static Document stored(IndexReader reader, int docId, String... fields)
      throws IOException {
    return reader.storedFields().document(docId, java.util.Set.of(fields));
  }
}
