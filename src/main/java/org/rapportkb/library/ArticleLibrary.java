package org.rapportkb.library;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.index.IndexFields;
import org.rapportkb.json.Json;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

/**
 * Reads articles back out of the index: one by slug, lists in curriculum order, related articles
 * and the practice items of each skill.
 */
public final class ArticleLibrary {
  private static final Sort CURRICULUM = IndexFields.curriculumSort();

  private static final int MAX_RELATED = 5;

  /**
   * Characters of Markdown and HTML kept for pages opened again: a few hundred articles of the
   * usual size, at most about 16 MB.
   */
  private static final long KEPT_PAGE_CHARS = 8_000_000;

  private final ReferenceManager<IndexSearcher> searchers;
  private final Analyzer analyzer;
  private final RenderedPages pages;

  /**
   * @param analyzer the analyzer articles were indexed with, for finding similar articles
   * @param renderer renders an article's stored Markdown when it is opened
   */
  public ArticleLibrary(
      ReferenceManager<IndexSearcher> searchers, Analyzer analyzer, MarkdownRenderer renderer) {
    this.searchers = searchers;
    this.analyzer = analyzer;
    this.pages = new RenderedPages(renderer, KEPT_PAGE_CHARS);
  }

  /** The article with this slug, drafts included, with its related articles. */
  public Optional<ArticleDetail> get(String slug) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs found = searcher.search(new TermQuery(new Term(IndexFields.SLUG, slug)), 1);
      if (found.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int docId = found.scoreDocs[0].doc;
      Document doc = searcher.storedFields().document(docId);
      return Optional.of(
          toDetail(searcher.getIndexReader(), docId, doc, related(searcher, docId, doc)));
    } finally {
      searchers.release(searcher);
    }
  }

  /** Published articles in curriculum order; a null filter means any. */
  public List<ArticleSummary> list(String category, String tag, String level) throws IOException {
    return summaries(filtered(category, tag, level), Integer.MAX_VALUE, CURRICULUM);
  }

  /**
   * The practice items of published articles matching the filters, in curriculum order; a null
   * filter means any.
   */
  public List<PracticeCard> practice(
      String slug, String category, String level, Difficulty difficulty) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      Set<String> fields =
          Set.of(
              IndexFields.SLUG,
              IndexFields.TITLE,
              IndexFields.CATEGORY,
              IndexFields.LEVEL,
              IndexFields.PRACTICE);
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      query.add(filtered(category, null, level), BooleanClause.Occur.MUST);
      addFilter(query, IndexFields.SLUG, slug);
      List<PracticeCard> cards = new ArrayList<>();
      var stored = searcher.storedFields();
      for (ScoreDoc hit : all(searcher, query.build(), CURRICULUM)) {
        Document doc = stored.document(hit.doc, fields);
        SkillPractice practice = practice(doc);
        for (PracticeItem item : practice.items()) {
          if (difficulty == null || item.difficulty() == difficulty) {
            cards.add(
                PracticeCard.of(
                    item,
                    doc.get(IndexFields.SLUG),
                    doc.get(IndexFields.TITLE),
                    doc.get(IndexFields.CATEGORY),
                    doc.get(IndexFields.LEVEL),
                    practice));
          }
        }
      }
      return cards;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Whether an article (a draft too) has this slug: a cheap check, without reading it. */
  public boolean has(String slug) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(new TermQuery(new Term(IndexFields.SLUG, slug))) > 0;
    } finally {
      searchers.release(searcher);
    }
  }

  /** How many published articles the index holds. */
  public int count() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.count(filtered(null, null, null));
    } finally {
      searchers.release(searcher);
    }
  }

  private List<ArticleSummary> summaries(Query query, int limit, Sort sort) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      List<ArticleSummary> result = new ArrayList<>();
      for (ScoreDoc hit : all(searcher, query, sort)) {
        if (result.size() == limit) {
          break;
        }
        result.add(IndexFields.summary(searcher.getIndexReader(), hit.doc));
      }
      return result;
    } finally {
      searchers.release(searcher);
    }
  }

  private static ScoreDoc[] all(IndexSearcher searcher, Query query, Sort sort) throws IOException {
    int n = Math.max(1, searcher.getIndexReader().maxDoc());
    return searcher.search(query, n, sort).scoreDocs;
  }

  private static Query filtered(String category, String tag, String level) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(IndexFields.published(new MatchAllDocsQuery()), BooleanClause.Occur.MUST);
    addFilter(query, IndexFields.CATEGORY, category);
    addFilter(query, IndexFields.TAG, tag);
    addFilter(query, IndexFields.LEVEL, level);
    return query.build();
  }

  private static void addFilter(BooleanQuery.Builder query, String field, String value) {
    if (value != null && !value.isBlank()) {
      query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }
  }

  private List<ArticleSummary> related(IndexSearcher searcher, int docId, Document doc)
      throws IOException {
    Set<String> slugs = new LinkedHashSet<>(List.of(doc.getValues(IndexFields.RELATED)));
    List<ArticleSummary> related = new ArrayList<>();
    IndexReader reader = searcher.getIndexReader();
    for (String slug : slugs) {
      TopDocs found = searcher.search(new TermQuery(new Term(IndexFields.SLUG, slug)), 1);
      if (found.scoreDocs.length > 0) {
        related.add(IndexFields.summary(reader, found.scoreDocs[0].doc));
      }
    }
    if (related.size() < MAX_RELATED) {
      MoreLikeThis similar = new MoreLikeThis(reader);
      similar.setAnalyzer(analyzer);
      similar.setFieldNames(
          new String[] {IndexFields.TITLE, IndexFields.SUMMARY, IndexFields.BODY});
      similar.setMinTermFreq(2);
      similar.setMinDocFreq(2);
      similar.setMaxQueryTerms(25);
      Map<String, Collection<Object>> text =
          Map.of(
              IndexFields.TITLE, List.of(doc.get(IndexFields.TITLE)),
              IndexFields.SUMMARY, List.of(doc.get(IndexFields.SUMMARY)),
              IndexFields.BODY, List.of(IndexFields.bodyText(reader, docId)));
      Query like = IndexFields.published(similar.like(text));
      for (ScoreDoc hit : searcher.search(like, MAX_RELATED * 2 + slugs.size()).scoreDocs) {
        if (related.size() >= MAX_RELATED) {
          break;
        }
        ArticleSummary candidate = IndexFields.summary(reader, hit.doc);
        if (hit.doc != docId && !slugs.contains(candidate.slug())) {
          slugs.add(candidate.slug());
          related.add(candidate);
        }
      }
    }
    return related;
  }

  private ArticleDetail toDetail(
      IndexReader reader, int docId, Document doc, List<ArticleSummary> related)
      throws IOException {
    var order = doc.getField(IndexFields.STORED_ORDER);
    return new ArticleDetail(
        IndexFields.summary(reader, docId),
        List.of(doc.getValues(IndexFields.STORED_ALIASES)),
        order == null ? null : order.numericValue().intValue(),
        pages.html(doc.get(IndexFields.MARKDOWN)),
        related,
        Json.MAPPER.readValue(doc.get(IndexFields.HEADINGS), new TypeReference<List<Heading>>() {}),
        doc.get(IndexFields.REVIEWED_DATE) == null
            ? null
            : new ArticleDetail.Review(
                doc.get(IndexFields.REVIEWED_DATE), doc.get(IndexFields.REVIEWED_BY)),
        practice(doc),
        doc.get(IndexFields.PATH));
  }

  private static SkillPractice practice(Document doc) throws IOException {
    String json = doc.get(IndexFields.PRACTICE);
    return json == null ? SkillPractice.NONE : Json.MAPPER.readValue(json, SkillPractice.class);
  }
}
