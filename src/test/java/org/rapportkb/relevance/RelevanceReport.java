package org.rapportkb.relevance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.search.SearchRequest;

/**
 * Runs query sets through rapport-kb in its three modes (words only, meaning only, hybrid) and
 * through the SQLite FTS5 peer, over the bundled articles, and reports nDCG@10, MRR and success@3
 * with the noise of each comparison.
 */
final class RelevanceReport {
  static final String FTS5 = "SQLite FTS5 (bm25)";
  static final String WORDS = "rapport-kb, words only";
  static final String MEANING = "rapport-kb, meaning only";
  static final String HYBRID = "rapport-kb, hybrid";

  /** Per system, per set: the scores. */
  final Map<String, Map<String, Metrics.Scores>> scores = new LinkedHashMap<>();

  final List<Judgments> sets;

  private RelevanceReport(List<Judgments> sets) {
    this.sets = sets;
  }

  /** The three modes of rapport-kb for {@code hybrid} settings. */
  static Map<String, SemanticSettings> modes(SemanticSettings hybrid) {
    Map<String, SemanticSettings> modes = new LinkedHashMap<>();
    modes.put(WORDS, hybrid.off());
    modes.put(
        MEANING,
        new SemanticSettings(
            true,
            hybrid.model(),
            hybrid.threads(),
            hybrid.minSimilarity(),
            0,
            1,
            hybrid.passagesPerArticle(),
            hybrid.candidates()));
    modes.put(HYBRID, hybrid);
    return modes;
  }

  /**
   * Runs every set through the peer and through each system of {@code systems} (name to semantic
   * settings), with the articles and config given, in a scratch folder.
   */
  static RelevanceReport run(
      Path articles,
      Path config,
      Path scratch,
      List<Judgments> sets,
      Map<String, SemanticSettings> systems)
      throws Exception {
    RelevanceReport report = new RelevanceReport(sets);
    Path configCopy = scratch.resolve("index-config");
    copy(config, configCopy);
    try (Fts5Baseline fts = new Fts5Baseline(articles, ConfigLoader.load(config))) {
      Map<String, Metrics.Scores> bySet = new LinkedHashMap<>();
      for (Judgments set : sets) {
        List<List<String>> rankings = new ArrayList<>();
        for (Judgments.Judged judged : set.queries()) {
          rankings.add(fts.search(judged.query()));
        }
        bySet.put(set.name(), Metrics.score(set.queries(), rankings));
      }
      report.scores.put(FTS5, bySet);
    }
    var paths = new KnowledgeBase.Paths(articles, configCopy, scratch.resolve("index"));
    try (KnowledgeBase kb = KnowledgeBase.open(paths)) {
      kb.sync(false, ProgressListener.NONE);
      for (Map.Entry<String, SemanticSettings> system : systems.entrySet()) {
        Files.writeString(configCopy.resolve("semantic.yml"), yaml(system.getValue()));
        kb.reloadConfig();
        kb.embedPassages(ProgressListener.NONE);
        Map<String, Metrics.Scores> bySet = new LinkedHashMap<>();
        for (Judgments set : sets) {
          List<List<String>> rankings = new ArrayList<>();
          for (Judgments.Judged judged : set.queries()) {
            rankings.add(
                kb.search().search(SearchRequest.of(judged.query())).hits().stream()
                    .map(h -> h.article().slug())
                    .toList());
          }
          bySet.put(set.name(), Metrics.score(set.queries(), rankings));
        }
        report.scores.put(system.getKey(), bySet);
      }
    }
    return report;
  }

  static String yaml(SemanticSettings s) {
    return String.format(
        Locale.ROOT,
        "enabled: %s%nmodel: %s%nthreads: %d%nminSimilarity: %s%nlexicalWeight: %s%n"
            + "semanticWeight: %s%npassagesPerArticle: %d%ncandidates: %d%n",
        s.enabled(),
        s.model(),
        s.threads(),
        s.minSimilarity(),
        s.lexicalWeight(),
        s.semanticWeight(),
        s.passagesPerArticle(),
        s.candidates());
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  Metrics.Scores get(String system, Judgments set) {
    return scores.get(system).get(set.name());
  }

  /** The report as Markdown tables: one per set, then the comparisons with their noise. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    for (Judgments set : sets) {
      out.append("\n### ")
          .append(set.name())
          .append(", ")
          .append(set.queries().size())
          .append(" queries\n\n");
      out.append("| system | nDCG@10 | MRR | success@3 |\n| --- | ---: | ---: | ---: |\n");
      for (String system : scores.keySet()) {
        Metrics.Scores s = get(system, set);
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %.3f |%n",
                system,
                s.ndcg(),
                s.mrr(),
                s.success3()));
      }
      if (scores.containsKey(HYBRID)) {
        out.append(
            "\n| comparison (nDCG@10) | difference | 95% interval | better / worse queries |\n");
        out.append("| --- | ---: | ---: | ---: |\n");
        for (String other : scores.keySet()) {
          if (other.equals(HYBRID)) {
            continue;
          }
          double[] a = get(HYBRID, set).ndcgs();
          double[] b = get(other, set).ndcgs();
          double[] interval = Metrics.pairedInterval(a, b);
          int[] wl = Metrics.winsAndLosses(a, b);
          out.append(
              String.format(
                  Locale.ROOT,
                  "| hybrid − %s | %+.3f | %+.3f to %+.3f | %d / %d |%n",
                  other,
                  Metrics.mean(a) - Metrics.mean(b),
                  interval[0],
                  interval[1],
                  wl[0],
                  wl[1]));
        }
      }
    }
    return out.toString();
  }
}
