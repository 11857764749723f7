package org.rapportkb.cli;

import java.util.concurrent.Callable;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.check.Problem;
import org.rapportkb.index.IndexCheck;
import org.rapportkb.index.IndexReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code index}: brings the index up to date and reports what changed and what is invalid. */
@Command(
    mixinStandardHelpOptions = true,
    name = "index",
    description = "Bring the index up to date with the articles folder.")
final class IndexCommand implements Callable<Integer> {
  @Mixin PathOptions paths;

  @Option(names = "--rebuild", description = "rebuild the whole index from the articles")
  boolean rebuild;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try (KnowledgeBase kb = KnowledgeBase.open(paths.paths(), IndexCheck.EVERY_FILE)) {
      IndexReport report = ConsoleProgress.syncReporting(kb, rebuild, err);
      out.println(report.summary());
      out.flush();
      ConsoleProgress.embedReporting(kb, err);
      return report.problems().stream().anyMatch(Problem::isError) ? 1 : 0;
    }
  }
}
