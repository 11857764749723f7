package org.rapportkb.cli;

import java.nio.file.Path;
import org.rapportkb.KnowledgeBase;
import picocli.CommandLine.Option;

/** The options every command shares: where articles, config and index live. */
final class PathOptions {
  private static final KnowledgeBase.Paths DEFAULTS = KnowledgeBase.Paths.defaults();

  @Option(
      names = "--articles",
      paramLabel = "DIR",
      description = "articles folder (default: ${DEFAULT-VALUE})")
  Path articles = DEFAULTS.articles();

  @Option(
      names = "--config",
      paramLabel = "DIR",
      description = "index-config folder (default: ${DEFAULT-VALUE})")
  Path config = DEFAULTS.config();

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index folder (default: ${DEFAULT-VALUE})")
  Path index = DEFAULTS.index();

  KnowledgeBase.Paths paths() {
    return new KnowledgeBase.Paths(articles, config, index);
  }
}
