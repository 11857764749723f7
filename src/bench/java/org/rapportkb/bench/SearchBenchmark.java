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

/**
 * In-process search latency over the query mix, kind by kind, on an index built beforehand. The
 * index, articles and config folders come from the system properties {@code rkb.index}, {@code
 * rkb.articles} and {@code rkb.config}; the mix from {@code rkb.queries}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SearchBenchmark {
  /** Which queries of the mix to run: word, phrase, filter, typo, suggest, or all of them. */
  @Param({"word", "phrase", "filter", "typo", "suggest", "mix"})
  public String kind;

  private KnowledgeBase kb;
  private List<QueryMix.Query> queries;
  private int next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    kb = openEngine(Path.of(System.getProperty("rkb.config", "index-config")));
    queries =
        QueryMix.read(Path.of(System.getProperty("rkb.queries", "bench/queries.tsv"))).ofKind(kind);
    if (queries.isEmpty()) {
      throw new IllegalStateException("no query of kind " + kind);
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

  @TearDown(Level.Trial)
  public void close() throws IOException {
    kb.close();
  }

  /** One search (or suggestion) of the chosen kind, the next one of the mix each time. */
  @Benchmark
  public Object search() throws IOException {
    QueryMix.Query query = queries.get(next);
    next = (next + 1) % queries.size();
    return query.isSuggest()
        ? kb.search().suggest(query.params().get("q"))
        : kb.search().search(query.request());
  }
}
