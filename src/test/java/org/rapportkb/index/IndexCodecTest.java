package org.rapportkb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.Fixture;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.semantic.Passage;
import org.rapportkb.semantic.PassageDocs;

/**
 * The passages' vectors as the index writes them: searched as 8-bit numbers, their full 32-bit
 * floats kept beside them and read back unchanged.
 */
class IndexCodecTest {
  private static final int DIMENSIONS = 384;

  @TempDir Path dir;

  @Test
  void passageVectorsAreSearchedQuantizedAndReadBackInFull() throws Exception {
    KnowledgeBase.Paths paths = Fixture.copyTo(dir);
    KbConfig config = ConfigLoader.load(paths.config());
    Random random = new Random(7);
    List<float[]> vectors = new ArrayList<>();
    try (ArticleIndex index = ArticleIndex.open(paths.index(), () -> config)) {
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        float[] vector = unit(random);
        vectors.add(vector);
        docs.add(
            PassageDocs.toDocument(
                new PassageDocs.Source("empathy", "hash", "model"),
                new Passage("Heading", "heading", "passage " + i),
                "passage-" + i,
                vector));
      }
      index.putPassages("empathy", docs);
      index.commit("test");

      IndexSearcher searcher = index.searchers().acquire();
      try {
        assertEquals(1, searcher.getIndexReader().leaves().size());
        LeafReader leaf = searcher.getIndexReader().leaves().get(0).reader();
        assertEquals(
            Lucene104HnswScalarQuantizedVectorsFormat.NAME,
            leaf.getFieldInfos()
                .fieldInfo(IndexFields.PASSAGE_VECTOR)
                .getAttribute("PerFieldKnnVectorsFormat.format"));

        FloatVectorValues stored = leaf.getFloatVectorValues(IndexFields.PASSAGE_VECTOR);
        KnnVectorValues.DocIndexIterator docsWithVectors = stored.iterator();
        int seen = 0;
        for (int doc = docsWithVectors.nextDoc();
            doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
            doc = docsWithVectors.nextDoc()) {
          int passage = passageNumber(leaf, doc);
          assertArrayEquals(vectors.get(passage), stored.vectorValue(docsWithVectors.index()));
          seen++;
        }
        assertEquals(200, seen);

        for (int wanted : new int[] {0, 57, 199}) {
          TopDocs nearest =
              searcher.search(
                  new KnnFloatVectorQuery(IndexFields.PASSAGE_VECTOR, vectors.get(wanted), 10), 10);
          assertEquals(wanted, passageNumber(leaf, nearest.scoreDocs[0].doc));
          float similarity = 2 * nearest.scoreDocs[0].score - 1;
          assertTrue(similarity > 0.98f, "a vector's similarity to itself: " + similarity);
        }
      } finally {
        index.searchers().release(searcher);
      }
    }
  }

  /** The number in the text of passage document {@code doc}. */
  private static int passageNumber(IndexReader reader, int doc) throws Exception {
    String text = PassageDocs.read(reader, doc).text();
    return Integer.parseInt(text.substring("passage ".length()));
  }

  private static float[] unit(Random random) {
    float[] vector = new float[DIMENSIONS];
    for (int i = 0; i < DIMENSIONS; i++) {
      vector[i] = (float) random.nextGaussian();
    }
    return VectorUtil.l2normalize(vector);
  }
}
