package org.rapportkb.web;

import io.javalin.http.Context;
import java.io.IOException;
import org.rapportkb.KnowledgeBase;

/**
 * {@code /health}: whether the index is open, how many articles it serves, how many article files
 * have errors that keep their latest save from being published, and whether the folder has been
 * compared with the index since the server started.
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
            kb.synced(),
            new Semantic(semantic.state(), semantic.done(), semantic.total(), semantic.reason())));
  }

  /**
   * The JSON body of {@code /health}.
   *
   * @param problems how many article files have errors (the server's log names each one), as the
   *     last sync found them
   * @param synced false while a server just started still compares the articles folder with the
   *     index it serves (the index as the last run left it)
   */
  record Health(String status, int articles, int problems, boolean synced, Semantic semantic) {}

  /**
   * Whether search by meaning works: {@code ready}, {@code building} (with articles embedded so far
   * of the total), {@code off}, or {@code unavailable} with the reason.
   */
  record Semantic(String state, int done, int total, String reason) {}
}
