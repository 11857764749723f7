package org.rapportkb.semantic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Loads each embedding model once per process and shares it; remembers why a model could not be
 * loaded, so that the warning is given once and search goes on by words alone.
 */
public final class Embedders {
  private static final Logger LOG = Logger.getLogger(Embedders.class.getName());
  private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

  /** A model, or the reason it could not be loaded. */
  public record Loaded(Embedder embedder, String failure) {
    public boolean ok() {
      return embedder != null;
    }
  }

  private Embedders() {}

  /** The shared embedder for {@code model} with {@code threads} threads, loaded on first use. */
  public static Loaded get(String model, int threads) {
    return LOADED.computeIfAbsent(key(model, threads), key -> load(model, threads));
  }

  /** Whether the model for {@code model} with {@code threads} threads is loaded (or failed). */
  static boolean isLoaded(String model, int threads) {
    return LOADED.containsKey(key(model, threads));
  }

  private static String key(String model, int threads) {
    return model + "/" + threads;
  }

  private static Loaded load(String model, int threads) {
    try {
      return new Loaded(OnnxEmbedder.load(model, threads), null);
    } catch (Exception | LinkageError e) {
      String reason = "the embedding model " + model + " cannot run here (" + e + ")";
      LOG.warning(reason + "; semantic search is off, search goes on by words");
      return new Loaded(null, reason);
    }
  }
}
