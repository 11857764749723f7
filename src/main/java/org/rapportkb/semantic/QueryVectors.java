package org.rapportkb.semantic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The vectors of recent queries, by model and normalized text (lowercase, single spaces), so that a
 * query asked again, or paged through, is embedded once.
 */
final class QueryVectors {
  private static final int KEPT = 2_000;

  private final Map<String, float[]> kept =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > KEPT;
        }
      };

  /** What two queries that should share a vector have in common. */
  static String normalize(String query) {
    return query.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  float[] vector(Embedder embedder, String query) {
    String key = embedder.model() + "\u0000" + normalize(query);
    synchronized (kept) {
      float[] vector = kept.get(key);
      if (vector != null) {
        return vector;
      }
    }
    float[] vector = Vectors.unit(embedder.embedQuery(normalize(query)));
    synchronized (kept) {
      kept.put(key, vector);
    }
    return vector;
  }
}
