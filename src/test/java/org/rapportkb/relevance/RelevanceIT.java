package org.rapportkb.relevance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.SemanticSettings;

/**
 * Search quality on the bundled curriculum, judged on queries written blind: hybrid retrieval must
 * keep its lead over words alone and over the plain BM25 peer on the held-out set, and must not
 * fall behind words alone on the development sets. Writes the tables to {@code
 * target/relevance-report.md} (see docs/relevance.md for how the sets were made).
 */
class RelevanceIT {
  /** Floors on the held-out set, a little under what this version measures. */
  static final double MIN_NDCG = 0.63;

  static final double MIN_MRR = 0.62;
  static final double MIN_SUCCESS_AT_3 = 0.64;

  @Test
  void hybridLeadsOnQueriesWrittenBlind(@TempDir Path dir) throws Exception {
    SemanticSettings configured = ConfigLoader.load(Path.of("index-config")).semantic();
    Judgments development = Judgments.development();
    Judgments regression = Judgments.regression();
    Judgments heldOut = Judgments.heldOut();
    assertTrue(heldOut.queries().size() >= 80, "the held-out set needs at least 80 queries");
    RelevanceReport report =
        RelevanceReport.run(
            Path.of("articles"),
            Path.of("index-config"),
            dir,
            List.of(development, regression, heldOut),
            RelevanceReport.modes(configured));
    String tables = report.markdown();
    System.out.println(tables);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "relevance-report.md"), tables);

    Metrics.Scores hybrid = report.get(RelevanceReport.HYBRID, heldOut);
    assertTrue(hybrid.ndcg() >= MIN_NDCG, "held-out nDCG@10 " + hybrid.ndcg());
    assertTrue(hybrid.mrr() >= MIN_MRR, "held-out MRR " + hybrid.mrr());
    assertTrue(hybrid.success3() >= MIN_SUCCESS_AT_3, "held-out success@3 " + hybrid.success3());
    for (String peer : List.of(RelevanceReport.FTS5, RelevanceReport.WORDS)) {
      double[] interval = Metrics.pairedInterval(hybrid.ndcgs(), report.get(peer, heldOut).ndcgs());
      assertTrue(
          interval[0] > 0,
          "on the held-out set, hybrid's lead over " + peer + " is within noise: " + tables);
    }
    for (Judgments set : List.of(development, regression)) {
      assertTrue(
          report.get(RelevanceReport.HYBRID, set).ndcg()
              >= report.get(RelevanceReport.WORDS, set).ndcg(),
          "hybrid fell behind words alone on " + set.name());
    }
  }
}
