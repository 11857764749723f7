package org.rapportkb.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.rapportkb.KnowledgeBase;

/**
 * {@code /health}: whether the index is open, how many articles it serves, and how many article
 * files have errors that keep their latest save from being published.
 */
final class HealthController {
  private final KnowledgeBase kb;

  HealthController(KnowledgeBase kb) {
    this.kb = kb;
  }

  void health(Context ctx) throws IOException {
    var semantic = kb.semanticStatus();
    ctx.json(
        new Health(
            "ok",
            kb.library().count(),
            kb.problems().count(),
            new Semantic(semantic.state(), semantic.done(), semantic.total(), semantic.reason())));
  }

  /**
   * The JSON body of {@code /health}.
   *
   * @param problems how many article files have errors (the server's log names each one)
   */
  record Health(String status, int articles, int problems, Semantic semantic) {}

  /**
   * Whether search by meaning works: {@code ready}, {@code building} (with articles embedded so far
   * of the total), {@code off}, or {@code unavailable} with the reason.
   */
  record Semantic(String state, int done, int total, String reason) {}
}
