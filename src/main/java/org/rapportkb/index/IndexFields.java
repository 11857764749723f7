package org.rapportkb.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.rapportkb.article.ArticleSections;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;

/** Names of the Lucene fields an article is indexed into, and the facet configuration. */
public final class IndexFields {
  public static final String SLUG = "slug";

  /** What a document holds: {@link #ARTICLE} or {@link #PASSAGE}. */
  public static final String KIND = "kind";

  public static final String ARTICLE = "article";
  public static final String PASSAGE = "passage";

  /** A passage's article slug, indexed and as sorted doc values. */
  public static final String PASSAGE_OF = "passage_of";

  /**
   * Which version of its article a passage was cut from and which model embedded it, as binary doc
   * values: see {@link PassageDocs}.
   */
  public static final String PASSAGE_SOURCE = "passage_source";

  /** A digest of what a passage embedded (model and text), to reuse its vector for equal text. */
  public static final String PASSAGE_HASH = "passage_hash";

  /** A passage's embedding, in an HNSW graph. */
  public static final String PASSAGE_VECTOR = "passage_vector";

  public static final String PASSAGE_HEADING = "passage_heading";
  public static final String PASSAGE_ANCHOR = "passage_anchor";
  public static final String PASSAGE_TEXT = "passage_text";
  public static final String PATH = "path";
  public static final String TITLE = "title";
  public static final String ALIASES = "aliases";
  public static final String SUMMARY = "summary";
  public static final String TAGS_TEXT = "tags";
  public static final String CLIENT = "client";
  public static final String BODY = "body";
  public static final String SPELL = "spell";
  public static final String COMPLETE = "complete";
  public static final String EXACT_NAME = "exact_name";

  public static final String CATEGORY = "category";
  public static final String LEVEL = "level";
  public static final String TAG = "tag";
  public static final String DRAFT = "draft";

  public static final String TITLE_SORT = "title_sort";
  public static final String CATEGORY_ORDER = "category_order";
  public static final String ORDER = "order";
  public static final String LEVEL_ORDER = "level_order";

  public static final String STORED_TAGS = "stored_tags";
  public static final String STORED_ALIASES = "stored_aliases";
  public static final String RELATED = "related";
  public static final String UPDATED = "updated";

  /** The body's Markdown, stored; rendered to HTML when a reader opens the article. */
  public static final String MARKDOWN = "markdown";

  public static final String HEADINGS = "headings";

  public static final String REVIEWED_DATE = "reviewed_date";
  public static final String REVIEWED_BY = "reviewed_by";

  /** The article's practice criteria and items, as JSON. */
  public static final String PRACTICE = "practice";

  public static final String STORED_ORDER = "stored_order";

  /**
   * What a sync compares with the file on disk (path, hash, related slugs, size and modification
   * time), as binary doc values so that reading it for every article stays cheap.
   */
  public static final String SYNC_STATE = "sync_state";

  /**
   * What search-as-you-type completes (title, aliases, draft flag), as binary doc values: see
   * {@link #encodeCompletions} and {@link #decodeCompletions}.
   */
  public static final String COMPLETIONS = "completions";

  /**
   * What a list or a result shows of an article ({@link ArticleSummary}), as binary doc values: see
   * {@link #encodeSummary}, read back by {@link #summary}.
   */
  public static final String LISTING = "listing";

  /**
   * Where each section of the body starts in {@link #BODY_TEXT}, with its heading, as binary doc
   * values: see {@link #encodeSections}.
   */
  public static final String SECTIONS = "sections";

  /** The plain text of the body (what {@link #BODY} indexes), as binary doc values. */
  public static final String BODY_TEXT = "body_text";

  /** The facet dimensions: each is also a filter of the search API. */
  public static final String[] FACET_DIMS = {CATEGORY, LEVEL, TAG};

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private IndexFields() {}

  /**
   * The form a title or alias is indexed in for exact-name matches, and a query compared with it:
   * lowercase words separated by single spaces.
   */
  public static String exactName(String text) {
    return NOT_LETTER_OR_DIGIT
        .matcher(text.toLowerCase(java.util.Locale.ROOT))
        .replaceAll(" ")
        .strip();
  }

  /** Curriculum order: module, place in the module, then title. */
  public static Sort curriculumSort() {
    return new Sort(
        new SortField(CATEGORY_ORDER, SortField.Type.LONG),
        new SortField(ORDER, SortField.Type.LONG),
        new SortField(TITLE_SORT, SortField.Type.STRING));
  }

  /** The completions of one article: whether it is a draft, then its title, then its aliases. */
  public record Completions(boolean draft, String title, List<String> aliases) {}

  /** The doc value of {@link #LISTING} for an article. */
  static BytesRef encodeSummary(ArticleSummary summary) {
    return DocValueCodec.encode(
        out -> {
          out.writeUTF(summary.slug());
          out.writeUTF(summary.title());
          out.writeUTF(summary.summary());
          out.writeUTF(summary.category());
          out.writeUTF(summary.level());
          DocValueCodec.writeStrings(out, summary.tags());
          out.writeUTF(summary.updated() == null ? "" : summary.updated());
        });
  }

  /** The summary of the article with this index-wide document id. */
  public static ArticleSummary summary(IndexReader reader, int docId) throws IOException {
    return DocValueCodec.decode(
        binaryValue(reader, LISTING, docId),
        in -> {
          String slug = in.readUTF();
          String title = in.readUTF();
          String summary = in.readUTF();
          String category = in.readUTF();
          String level = in.readUTF();
          List<String> tags = DocValueCodec.readStrings(in);
          String updated = in.readUTF();
          return new ArticleSummary(
              slug, title, summary, category, level, tags, updated.isEmpty() ? null : updated);
        });
  }

  /** The doc value of {@link #COMPLETIONS} for an article. */
  public static BytesRef encodeCompletions(Completions completions) {
    return DocValueCodec.encode(
        out -> {
          out.writeBoolean(completions.draft());
          out.writeUTF(completions.title());
          DocValueCodec.writeStrings(out, completions.aliases());
        });
  }

  /** Reads back what {@link #encodeCompletions} wrote. */
  public static Completions decodeCompletions(BytesRef value) {
    return DocValueCodec.decode(
        value,
        in -> new Completions(in.readBoolean(), in.readUTF(), DocValueCodec.readStrings(in)));
  }

  /**
   * The binary doc value of {@code field} for an index-wide document id; an empty value when the
   * document has none.
   */
  public static BytesRef binaryValue(IndexReader reader, String field, int docId)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
    if (values == null || !values.advanceExact(docId - leaf.docBase)) {
      return new BytesRef();
    }
    return values.binaryValue();
  }

  /** The doc value of {@link #SECTIONS}: each section's start offset, anchor and heading. */
  public static BytesRef encodeSections(List<ArticleSections.Start> starts) {
    return DocValueCodec.encode(
        out -> {
          out.writeShort(starts.size());
          for (ArticleSections.Start start : starts) {
            out.writeInt(start.offset());
            out.writeByte(start.heading().level());
            out.writeUTF(start.heading().id());
            out.writeUTF(start.heading().text());
          }
        });
  }

  /** The section starts of an article, by index-wide document id (none when not recorded). */
  public static List<ArticleSections.Start> sections(IndexReader reader, int docId)
      throws IOException {
    BytesRef value = binaryValue(reader, SECTIONS, docId);
    if (value.length == 0) {
      return List.of();
    }
    return DocValueCodec.decode(
        value,
        in -> {
          int count = in.readUnsignedShort();
          List<ArticleSections.Start> starts = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            int offset = in.readInt();
            int level = in.readByte();
            String id = in.readUTF();
            String text = in.readUTF();
            starts.add(new ArticleSections.Start(offset, new Heading(level, text, id)));
          }
          return starts;
        });
  }

  /** The plain text of an article's body, by index-wide document id. */
  public static String bodyText(IndexReader reader, int docId) throws IOException {
    // The JDK's own UTF-8 decoder takes a fast path through ASCII text, which most of a body is.
    BytesRef text = binaryValue(reader, BODY_TEXT, docId);
    return new String(text.bytes, text.offset, text.length, StandardCharsets.UTF_8);
  }

  /** {@code query} restricted to published articles (drafts and passages left out). */
  public static Query published(Query query) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(DRAFT, "false")), BooleanClause.Occur.FILTER)
        .build();
  }

  /** {@code query} restricted to articles, drafts included (passages left out). */
  public static Query articles(Query query) {
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(KIND, ARTICLE)), BooleanClause.Occur.FILTER)
        .build();
  }

  /** The facet configuration shared by indexing and searching. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(TAG, true);
    return config;
  }
}
