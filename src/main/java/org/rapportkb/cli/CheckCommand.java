package org.rapportkb.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.ArticleScanner;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.check.Problem;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.InsightsSettings;
import org.rapportkb.config.KbConfig;
import org.rapportkb.config.SemanticSettings;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.semantic.SemanticStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code check}: validates the config and every article, printing {@code path:line:} messages. */
@Command(
    mixinStandardHelpOptions = true,
    name = "check",
    description = "Validate every article and the config; exit 1 on any error.")
final class CheckCommand implements Callable<Integer> {
  @Mixin PathOptions paths;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    List<Problem> configProblems = new ArrayList<>();
    Optional<KbConfig> config = ConfigLoader.load(paths.config, configProblems);
    List<Problem> problems = new ArrayList<>();
    configProblems.forEach(p -> problems.add(p.in(paths.config)));
    int articles = 0;
    if (config.isPresent()) {
      ArticleFolder folder =
          new ArticleFolder(
              paths.articles, new ArticleParser(new MarkdownRenderer(), config.get().curriculum()));
      ArticleScanner.Scan scan = folder.scan();
      articles = scan.files().size();
      scan.problems().forEach(p -> problems.add(p.in(paths.articles)));
      folder.forEach(
          scan,
          1,
          found -> found.read().problems().forEach(p -> problems.add(p.in(paths.articles))));
    }
    String semantic = config.map(c -> semanticLine(c, problems)).orElse(null);
    String insights = config.map(this::insightsLine).orElse(null);
    problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line));
    problems.forEach(out::println);
    if (semantic != null) {
      out.println(semantic);
    }
    if (insights != null) {
      out.println(insights);
    }
    long errors = problems.stream().filter(Problem::isError).count();
    out.printf(
        "%d articles checked: %d errors, %d warnings%n",
        articles, errors, problems.size() - errors);
    return errors > 0 ? 1 : 0;
  }

  /**
   * Whether search by meaning will work with this config on this machine; a model that cannot load
   * here is also a warning.
   */
  private String semanticLine(KbConfig config, List<Problem> problems) {
    SemanticSettings settings = config.semantic();
    SemanticStatus status = SemanticStatus.of(settings);
    if (status.state().equals("off")) {
      return "semantic search: off (switched off in semantic.yml)";
    }
    if (status.reason() != null) {
      problems.add(
          Problem.warning(
              paths.config.resolve("semantic.yml").toString(),
              1,
              "semantic search is off: " + status.reason() + "; search goes on by words"));
      return "semantic search: off, the model cannot run here";
    }
    return "semantic search: on (" + settings.model() + ")";
  }

  /** Whether searches are recorded for the trainers' insights, for how long, and where. */
  private String insightsLine(KbConfig config) {
    InsightsSettings settings = config.insights();
    if (!settings.enabled()) {
      return "search log: off";
    }
    return "search log: on, entries kept "
        + settings.retentionDays()
        + " days in "
        + SearchInsights.folderFor(paths.index);
  }
}
