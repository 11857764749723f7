package org.rapportkb.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.rapportkb.KnowledgeBase;

/** {@code /health}: whether the index is open, and how many articles it serves. */
final class HealthController {
  private final KnowledgeBase kb;

  HealthController(KnowledgeBase kb) {
    this.kb = kb;
  }

  void health(Context ctx) throws IOException {
    ctx.json(new Health("ok", kb.library().count()));
  }

  /** The JSON body of {@code /health}. */
  record Health(String status, int articles) {}
}
