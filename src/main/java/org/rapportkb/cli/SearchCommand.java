package org.rapportkb.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.index.ProgressListener;
import org.rapportkb.json.Json;
import org.rapportkb.search.SearchHit;
import org.rapportkb.search.SearchRequest;
import org.rapportkb.search.SearchResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search}: runs the same search as the server and prints ranked results or JSON. */
@Command(
    mixinStandardHelpOptions = true,
    name = "search",
    description = "Search the articles, as the web search does.")
final class SearchCommand implements Callable<Integer> {
  @Mixin PathOptions paths;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUERY",
      description = "words, \"phrases\", AND/OR/NOT, title:, tag:, category:, level:, prefix*")
  String[] words = new String[0];

  @Option(names = "--json", description = "print the JSON of /api/search")
  boolean json;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "results per page (default: ${DEFAULT-VALUE})")
  int limit = 10;

  @Option(
      names = "--page",
      paramLabel = "N",
      description = "page of results (default: ${DEFAULT-VALUE})")
  int page = 1;

  @Option(names = "--category", paramLabel = "C")
  String category;

  @Option(names = "--tag", paramLabel = "T")
  String tag;

  @Option(names = "--level", paramLabel = "L")
  String level;

  @Option(names = "--drafts", description = "include draft articles")
  boolean drafts;

  @Option(names = "--explain", description = "show the word-based and semantic parts of each score")
  boolean explain;

  @Spec CommandSpec spec;

  /** Up to this many articles are embedded before a search; more are left to {@code index}. */
  static final int EMBED_BEFORE_SEARCH = 200;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String query = String.join(" ", words);
    try (KnowledgeBase kb = KnowledgeBase.openForSearch(paths.paths())) {
      if (kb.writable()) {
        kb.sync(false, ProgressListener.NONE);
        int pending = kb.passagesPending();
        if (pending <= EMBED_BEFORE_SEARCH) {
          ConsoleProgress.embedReporting(kb, spec.commandLine().getErr());
        } else {
          spec.commandLine()
              .getErr()
              .printf(
                  "note: %,d articles are not yet searchable by meaning; `index` embeds them%n",
                  pending);
        }
      }
      SearchResponse response =
          kb.search()
              .search(new SearchRequest(query, category, tag, level, page, limit, drafts, explain));
      if (json) {
        out.println(Json.write(response));
      } else {
        print(response, out);
      }
      return 0;
    }
  }

  private static void print(SearchResponse response, PrintWriter out) {
    if (response.suggestion() != null) {
      out.println("Did you mean: " + response.suggestion());
    }
    if (response.searched() != null) {
      out.println("Showing results for: " + response.searched());
    }
    out.printf(
        "%d result%s%s%n",
        response.total(),
        response.total() == 1 ? "" : "s",
        response.query().isEmpty() ? "" : " for \"" + response.query() + "\"");
    int rank = (response.page() - 1) * response.size();
    for (SearchHit hit : response.hits()) {
      out.println();
      out.printf(
          "%d. %s  [%s, %s]  %s%n",
          ++rank,
          hit.article().title(),
          hit.article().category(),
          hit.article().level(),
          hit.url());
      out.println("   " + TerminalText.fromSnippet(hit.snippet()));
      out.println("   from: " + hit.passage().heading() + "  " + hit.passage().url());
      if (hit.explain() != null) {
        SearchHit.ScoreParts parts = hit.explain();
        out.printf(
            "   score %.3f: words %.3f of the best (bm25 %.2f), meaning %.3f above the floor"
                + " (similarity %.3f)%n",
            parts.fused(),
            parts.lexicalShare(),
            parts.lexical(),
            parts.semanticShare(),
            parts.semantic());
      }
    }
    if (response.partial()) {
      out.println("(the search took too long; these are the results found in time)");
    }
  }
}
