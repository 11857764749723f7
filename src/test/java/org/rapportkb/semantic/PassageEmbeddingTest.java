package org.rapportkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passages embedded in bulk get the vectors their texts get one at a time through langchain4j's
 * model, which made every vector already stored in indexes and in the digest cache.
 */
class PassageEmbeddingTest {
  /** Vectors this close are the same vector up to rounding. */
  private static final double SAME = 0.999;

  private static final int SAMPLE = 40;

  private static Embedder embedder;
  private static EmbeddingModel reference;

  /** Distinct bundled passages of every length, the longest included. */
  private static List<String> sample;

  /** The longest passage three times over: far beyond the model's window. */
  private static String beyond;

  @BeforeAll
  static void load() throws Exception {
    Embedders.Loaded loaded = Embedders.get("all-minilm-l6-v2-q", 1);
    assertTrue(loaded.ok(), loaded.failure());
    embedder = loaded.embedder();
    reference = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    List<String> passages = new ArrayList<>(BundledPassages.texts());
    passages.sort(Comparator.comparingInt(String::length));
    LinkedHashSet<String> picked = new LinkedHashSet<>();
    for (int i = 0; i < SAMPLE; i++) {
      picked.add(passages.get(i * passages.size() / SAMPLE));
    }
    String longest = passages.get(passages.size() - 1);
    picked.add(longest);
    sample = List.copyOf(picked);
    beyond = String.join(" ", longest, longest, longest);
  }

  private static float[] alone(String text) {
    return reference.embed(text).content().vector();
  }

  private static double cosine(float[] a, float[] b) {
    return VectorUtil.dotProduct(Vectors.unit(a), Vectors.unit(b));
  }

  @Test
  void passagesInBulkGetTheVectorsTheirTextsGetAlone() {
    List<String> texts = new ArrayList<>(sample);
    texts.add(beyond);
    List<float[]> vectors = embedder.embedPassages(texts);
    assertEquals(texts.size(), vectors.size());
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(embedder.dimension(), vectors.get(i).length);
      double cosine = cosine(vectors.get(i), alone(texts.get(i)));
      assertTrue(cosine >= SAME, cosine + " for " + texts.get(i));
    }
  }

  @Test
  void vectorsComeBackInTheOrderOfTheTexts() {
    List<String> texts = new ArrayList<>(sample);
    Collections.shuffle(texts, new Random(7));
    List<float[]> references = texts.stream().map(PassageEmbeddingTest::alone).toList();
    List<float[]> vectors = embedder.embedPassages(texts);
    for (int i = 0; i < texts.size(); i++) {
      int nearest = 0;
      for (int j = 1; j < references.size(); j++) {
        if (cosine(vectors.get(i), references.get(j))
            > cosine(vectors.get(i), references.get(nearest))) {
          nearest = j;
        }
      }
      assertEquals(i, nearest, "vector " + i + " belongs to " + texts.get(nearest));
    }
  }

  @Test
  void textBeyondTheModelsWindowIsLeftOut() {
    List<float[]> vectors =
        embedder.embedPassages(List.of(beyond, beyond + " The weather was cold and the soup hot."));
    assertTrue(cosine(vectors.get(0), vectors.get(1)) >= SAME);
    assertTrue(
        cosine(vectors.get(0), embedder.embedPassages(List.of(sample.get(0))).get(0)) < SAME);
  }
}
