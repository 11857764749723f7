package org.rapportkb.semantic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.index.IndexFields;

/**
 * Finds the articles whose passages are closest in meaning to a query: the nearest passages from
 * the HNSW graph, those above the similarity floor grouped by article, and each article scored by
 * the mean of its best few (a missing one counts as the floor).
 */
public final class DenseRetriever {
  private final QueryVectors queries = new QueryVectors();

  /** A passage close to the query: its document and its cosine similarity. */
  public record PassageMatch(int docId, float similarity) {}

  /**
   * An article with passages above the floor, best first.
   *
   * @param score the mean similarity of its best passages
   */
  public record ArticleMatch(String slug, double score, List<PassageMatch> passages) {
    public PassageMatch best() {
      return passages.get(0);
    }
  }

  /** The matches of one query, by slug; empty when nothing passes the floor. */
  public record Matches(Map<String, ArticleMatch> bySlug) {
    public static final Matches NONE = new Matches(Map.of());

    public boolean isEmpty() {
      return bySlug.isEmpty();
    }
  }

  /**
   * The articles whose passages in {@code searcher}'s index are close to {@code query}.
   *
   * @param embedder the model the passages were embedded with
   */
  public Matches retrieve(
      IndexSearcher searcher, Embedder embedder, SemanticSettings settings, String query)
      throws IOException {
    float[] vector = queries.vector(embedder, query);
    TopDocs nearest =
        searcher.search(
            new KnnFloatVectorQuery(IndexFields.PASSAGE_VECTOR, vector, settings.candidates()),
            settings.candidates());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<String, List<PassageMatch>> grouped = new HashMap<>();
    for (ScoreDoc hit : nearest.scoreDocs) {
      // Lucene scores a dot product d of unit vectors as (1 + d) / 2.
      float similarity = 2 * hit.score - 1;
      if (similarity < settings.minSimilarity()) {
        continue;
      }
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
      SortedDocValues slugs = leaf.reader().getSortedDocValues(IndexFields.PASSAGE_OF);
      if (slugs == null || !slugs.advanceExact(hit.doc - leaf.docBase)) {
        continue;
      }
      String slug = slugs.lookupOrd(slugs.ordValue()).utf8ToString();
      grouped
          .computeIfAbsent(slug, s -> new ArrayList<>())
          .add(new PassageMatch(hit.doc, similarity));
    }
    Map<String, ArticleMatch> bySlug = new HashMap<>();
    grouped.forEach(
        (slug, passages) -> {
          passages.sort(Comparator.comparingDouble(PassageMatch::similarity).reversed());
          // Passages below the floor (or not retrieved) count as the floor itself.
          int n = settings.passagesPerArticle();
          double sum = 0;
          for (int i = 0; i < n; i++) {
            sum += i < passages.size() ? passages.get(i).similarity() : settings.minSimilarity();
          }
          bySlug.put(slug, new ArticleMatch(slug, sum / n, List.copyOf(passages)));
        });
    return new Matches(Map.copyOf(bySlug));
  }
}
