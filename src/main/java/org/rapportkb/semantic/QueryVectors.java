package org.rapportkb.semantic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The vectors of recent queries, by model and normalized text (lowercase, single spaces), so that a
 * query asked again, or paged through, is embedded once.
 */
final class QueryVectors {
  private static final int KEPT = 2_000;
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Map<String, float[]> kept =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > KEPT;
        }
      };

  /** What two queries that should share a vector have in common. */
  static String normalize(String query) {
    return SPACES.matcher(query.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  float[] vector(Embedder embedder, String query) {
    String text = normalize(query);
    String key = embedder.model() + "\u0000" + text;
    synchronized (kept) {
      float[] vector = kept.get(key);
      if (vector != null) {
        return vector;
      }
    }
    float[] vector = Vectors.unit(embedder.embedQuery(text));
    synchronized (kept) {
      kept.put(key, vector);
    }
    return vector;
  }
}
