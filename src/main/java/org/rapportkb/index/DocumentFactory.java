package org.rapportkb.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleSections;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.FrontMatter;
import org.rapportkb.config.KbConfig;
import org.rapportkb.json.Json;

/** Maps an {@link Article} to the Lucene document that holds it. */
final class DocumentFactory {
  /** Stored, tokenized, with offsets in the postings so snippets need no re-analysis. */
  private static final FieldType STORED_WITH_OFFSETS = withOffsets(TextField.TYPE_STORED);

  /**
   * The body: tokenized with offsets, its text kept in doc values ({@link IndexFields#BODY_TEXT})
   * rather than among the stored fields, so a snippet reads the text of a hit without decompressing
   * the whole stored article.
   */
  private static final FieldType WITH_OFFSETS = withOffsets(TextField.TYPE_NOT_STORED);

  /**
   * The spelling words: only which articles hold each word is needed, so no frequencies or
   * positions are written for this, the longest field.
   */
  private static final FieldType WORDS = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    WORDS.setIndexOptions(IndexOptions.DOCS);
    WORDS.setOmitNorms(true);
    WORDS.freeze();
  }

  private static FieldType withOffsets(FieldType base) {
    FieldType type = new FieldType(base);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private final FacetsConfig facets = IndexFields.facetsConfig();
  private final Supplier<KbConfig> config;

  DocumentFactory(Supplier<KbConfig> config) {
    this.config = config;
  }

  Document toDocument(Article article, FileStamp stamp) throws IOException {
    FrontMatter meta = article.meta();
    Document doc = new Document();
    doc.add(new StringField(IndexFields.SLUG, article.slug(), Field.Store.YES));
    doc.add(new StringField(IndexFields.KIND, IndexFields.ARTICLE, Field.Store.NO));
    doc.add(new StoredField(IndexFields.PATH, article.path()));
    doc.add(
        new BinaryDocValuesField(IndexFields.SYNC_STATE, SyncState.of(article, stamp).encode()));

    doc.add(new Field(IndexFields.TITLE, meta.title(), STORED_WITH_OFFSETS));
    doc.add(new Field(IndexFields.SUMMARY, meta.summary(), STORED_WITH_OFFSETS));
    doc.add(new Field(IndexFields.BODY, article.body().text(), WITH_OFFSETS));
    doc.add(new BinaryDocValuesField(IndexFields.BODY_TEXT, new BytesRef(article.body().text())));
    doc.add(
        new BinaryDocValuesField(
            IndexFields.SECTIONS,
            IndexFields.encodeSections(
                ArticleSections.of(article.body().text(), article.body().headings()).starts())));
    doc.add(
        new BinaryDocValuesField(
            IndexFields.LISTING, IndexFields.encodeSummary(ArticleSummary.of(article))));
    doc.add(
        new StringField(
            IndexFields.EXACT_NAME, IndexFields.exactName(meta.title()), Field.Store.NO));
    for (String alias : meta.aliases()) {
      doc.add(
          new StringField(IndexFields.EXACT_NAME, IndexFields.exactName(alias), Field.Store.NO));
      doc.add(new TextField(IndexFields.ALIASES, alias, Field.Store.NO));
      doc.add(new StoredField(IndexFields.STORED_ALIASES, alias));
    }
    for (String line : article.body().clientLines()) {
      doc.add(new TextField(IndexFields.CLIENT, line, Field.Store.NO));
    }
    StringBuilder spell = new StringBuilder(meta.title()).append('\n').append(meta.summary());
    StringBuilder complete = new StringBuilder(meta.title());
    for (String alias : meta.aliases()) {
      spell.append('\n').append(alias);
      complete.append('\n').append(alias);
    }
    for (String tag : meta.tags()) {
      doc.add(new TextField(IndexFields.TAGS_TEXT, tag.replace('-', ' '), Field.Store.NO));
      doc.add(new StringField(IndexFields.TAG, tag, Field.Store.NO));
      doc.add(new StoredField(IndexFields.STORED_TAGS, tag));
      doc.add(new SortedSetDocValuesFacetField(IndexFields.TAG, tag));
      spell.append('\n').append(tag.replace('-', ' '));
    }
    spell.append('\n').append(article.body().text());
    doc.add(new Field(IndexFields.SPELL, spell.toString(), WORDS));
    doc.add(new TextField(IndexFields.COMPLETE, complete.toString(), Field.Store.NO));
    doc.add(
        new BinaryDocValuesField(
            IndexFields.COMPLETIONS,
            IndexFields.encodeCompletions(
                new IndexFields.Completions(meta.draft(), meta.title(), meta.aliases()))));

    doc.add(new StringField(IndexFields.CATEGORY, meta.category(), Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(IndexFields.CATEGORY, meta.category()));
    doc.add(new StringField(IndexFields.LEVEL, meta.level().slug(), Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(IndexFields.LEVEL, meta.level().slug()));
    doc.add(new StringField(IndexFields.DRAFT, Boolean.toString(meta.draft()), Field.Store.YES));

    doc.add(
        new SortedDocValuesField(
            IndexFields.TITLE_SORT, new BytesRef(meta.title().toLowerCase(Locale.ROOT))));
    doc.add(
        new NumericDocValuesField(
            IndexFields.CATEGORY_ORDER, config.get().categoryOrder(meta.category())));
    int order = meta.order() == null ? Integer.MAX_VALUE : meta.order();
    doc.add(new NumericDocValuesField(IndexFields.ORDER, order));
    doc.add(new NumericDocValuesField(IndexFields.LEVEL_ORDER, meta.level().ordinal()));
    if (meta.order() != null) {
      doc.add(new StoredField(IndexFields.STORED_ORDER, meta.order()));
    }
    if (meta.updated() != null) {
      doc.add(new StoredField(IndexFields.UPDATED, meta.updated().toString()));
    }
    for (String related : meta.related()) {
      doc.add(new StoredField(IndexFields.RELATED, related));
    }
    doc.add(new StoredField(IndexFields.MARKDOWN, article.body().markdown()));
    doc.add(new StoredField(IndexFields.HEADINGS, json(article.body().headings())));
    if (meta.reviewed() != null) {
      doc.add(new StoredField(IndexFields.REVIEWED_DATE, meta.reviewed().date().toString()));
      doc.add(new StoredField(IndexFields.REVIEWED_BY, meta.reviewed().by()));
    }
    doc.add(new StoredField(IndexFields.PRACTICE, json(article.practice())));
    return facets.build(doc);
  }

  private static String json(Object value) throws JsonProcessingException {
    return Json.MAPPER.writeValueAsString(value);
  }
}
