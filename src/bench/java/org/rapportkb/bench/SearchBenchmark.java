package org.rapportkb.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.search.SearchRequest;

/**
 * In-process search latency, kind by kind, on an index built beforehand. The index, articles and
 * config folders come from the system properties {@code rkb.index}, {@code rkb.articles} and {@code
 * rkb.config}. The kinds {@code varied} and {@code prefix} cycle through the files {@link
 * VariedQueries} wrote ({@code rkb.varied} and {@code rkb.prefixes}), the others through the fixed
 * mix of {@code rkb.queries}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SearchBenchmark {
  /**
   * Which queries to run: {@code varied} (the varied searches), {@code prefix} (the varied
   * suggestion prefixes), or a kind of the fixed mix: word, phrase, filter, typo, suggest, or all
   * of them ({@code mix}).
   */
  @Param({"varied", "prefix", "word", "phrase", "filter", "typo", "suggest", "mix"})
  public String kind;

  private KnowledgeBase kb;
  private List<SearchRequest> searches = List.of();
  private List<String> suggestions = List.of();
  private int next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    kb = openEngine(Path.of(System.getProperty("rkb.config", "index-config")));
    switch (kind) {
      case "varied" -> searches = VariedQueries.readQueries(property("rkb.varied"));
      case "prefix" -> suggestions = VariedQueries.readPrefixes(property("rkb.prefixes"));
      default -> {
        List<QueryMix.Query> queries =
            QueryMix.read(Path.of(System.getProperty("rkb.queries", "bench/queries.tsv")))
                .ofKind(kind);
        if (queries.isEmpty()) {
          throw new IllegalStateException("no query of kind " + kind);
        }
        searches = queries.stream().filter(q -> !q.isSuggest()).map(q -> q.request()).toList();
        suggestions =
            queries.stream()
                .filter(QueryMix.Query::isSuggest)
                .map(q -> q.params().get("q"))
                .toList();
      }
    }
    kb.search().warm();
  }

  /** The engine on the articles and index the system properties name, with {@code config}. */
  static KnowledgeBase openEngine(Path config) throws Exception {
    return KnowledgeBase.open(
        new KnowledgeBase.Paths(
            Path.of(System.getProperty("rkb.articles", "articles")),
            config,
            Path.of(System.getProperty("rkb.index", "data/index"))));
  }

  private static Path property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("set -D" + name + " to the file VariedQueries wrote");
    }
    return Path.of(value);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    kb.close();
  }

  /**
   * One search (or suggestion) of the chosen kind, the next one each time; in the fixed mix, the
   * searches come first, then the suggestions.
   */
  @Benchmark
  public Object search() throws IOException {
    int i = next;
    next = (next + 1) % (searches.size() + suggestions.size());
    return i < searches.size()
        ? kb.search().search(searches.get(i))
        : kb.search().suggest(suggestions.get(i - searches.size()));
  }
}
