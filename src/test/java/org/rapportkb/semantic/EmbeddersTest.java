package org.rapportkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapportkb.config.SemanticSettings;

/** Loading the embedding model once, and going on without it when it cannot run. */
class EmbeddersTest {
  @Test
  void theBundledModelLoadsOnceAndEmbedsToUnitVectorsOfItsDimension() {
    Embedders.Loaded first = Embedders.get("all-minilm-l6-v2-q", 1);
    assertTrue(first.ok(), first.failure());
    assertSame(first, Embedders.get("all-minilm-l6-v2-q", 1));
    Embedder embedder = first.embedder();
    float[] vector = Vectors.unit(embedder.embedQuery("client cried and I froze"));
    assertEquals(embedder.dimension(), vector.length);
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    assertEquals(1.0, norm, 1e-4);
  }

  @Test
  void aModelThatCannotLoadLeavesSemanticSearchUnavailableWithTheReason() {
    Embedders.Loaded missing = Embedders.get("no-such-model", 1);
    assertFalse(missing.ok());
    assertTrue(missing.failure().contains("no-such-model"), missing.failure());
    SemanticSettings settings = new SemanticSettings(true, "no-such-model", 1, 0.35, 1, 4, 3, 100);
    SemanticStatus status = SemanticStatus.of(settings);
    assertEquals("unavailable", status.state());
    assertFalse(status.usable());
    assertEquals("off", SemanticStatus.of(settings.off()).state());
  }
}
