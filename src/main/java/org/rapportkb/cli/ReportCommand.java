package org.rapportkb.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.InsightsSettings;
import org.rapportkb.insights.InsightsReport;
import org.rapportkb.insights.InsightsReport.QueryStats;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.insights.SearchLog;
import org.rapportkb.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: what trainees searched and did not find, from the search log; reads the log only
 * and works beside a running server.
 */
@Command(
    mixinStandardHelpOptions = true,
    name = "report",
    description =
        "Show the most frequent queries, those with no or weak results, and those whose results"
            + " nobody opens, from the search log (off until index-config/insights.yml turns it"
            + " on).")
final class ReportCommand implements Callable<Integer> {
  @Mixin PathOptions paths;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "queries in each list (default: ${DEFAULT-VALUE})")
  int limit = 20;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Spec CommandSpec spec;

  /** The JSON of {@code report --json}. */
  record Output(boolean enabled, int retentionDays, String folder, InsightsReport report) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (limit < 1) {
      spec.commandLine().getErr().println("error: --limit must be 1 or more");
      return OneLineErrors.USAGE;
    }
    InsightsSettings settings = ConfigLoader.load(paths.config).insights();
    SearchLog log = new SearchLog(SearchInsights.folderFor(paths.index));
    InsightsReport report = SearchInsights.read(log, settings, Clock.systemDefaultZone(), limit);
    if (json) {
      out.println(
          Json.write(
              new Output(
                  settings.enabled(), settings.retentionDays(), log.folder().toString(), report)));
      return 0;
    }
    if (settings.enabled()) {
      out.printf(
          "Search log: on; entries are kept %d days, in %s%n",
          settings.retentionDays(), log.folder());
    } else {
      out.println(
          "Search log: off; nothing is being recorded (turn it on in "
              + paths.config.resolve(ConfigLoader.INSIGHTS_FILE)
              + " with 'enabled: true')");
    }
    if (report.empty()) {
      out.println("No searches recorded since " + report.since() + ".");
      return 0;
    }
    out.printf(
        "%s of %s since %s; %d had a result opened.%n",
        count(report.searches(), "search", "searches"),
        count(report.queries(), "query", "different queries"),
        report.since(),
        report.opened());
    print(out, "Most frequent queries", report.frequent());
    print(out, "No or weak results", report.unanswered());
    print(out, "Results nobody opens", report.unopened());
    return 0;
  }

  private static void print(PrintWriter out, String title, List<QueryStats> queries) {
    out.println();
    out.println(title);
    if (queries.isEmpty()) {
      out.println("  (none)");
      return;
    }
    out.printf("  %8s  %6s  %7s  %-12s  %s%n", "searches", "opened", "results", "outcome", "query");
    for (QueryStats query : queries) {
      out.printf(
          "  %8d  %6d  %7d  %-12s  %s%s%n",
          query.searches(),
          query.opened(),
          query.total(),
          query.outcome(),
          printable(query.query()),
          query.top() == null ? "" : "  -> " + query.top());
    }
  }

  private static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** The text with any control character shown as a space, so a query cannot drive the terminal. */
  private static String printable(String text) {
    return text.codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
