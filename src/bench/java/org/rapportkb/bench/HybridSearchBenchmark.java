package org.rapportkb.bench;

import java.io.IOException;
import java.nio.file.Files;
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
 * What search by meaning adds to a search that runs: every call is a query never asked before (a
 * situation a trainee might type, with a running number), the result cache is off, and the same
 * index (passages already embedded) is searched by words alone or hybrid. The articles, index and
 * a config folder with {@code cachedSearches: 0} come from {@code rkb.articles}, {@code rkb.index}
 * and {@code rkb.config}; {@code semantic.yml} in that folder is rewritten for each mode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HybridSearchBenchmark {
  /** Situations in trainees' words, combined two at a time so that queries keep changing. */
  private static final List<String> SITUATIONS =
      List.of(
          "client cried and I froze",
          "teen says this is pointless",
          "he asked if I have kids",
          "court ordered client will not talk",
          "she keeps saying yes but",
          "client laughed while describing the abuse",
          "silence after a hard question",
          "my client is angry that I was late",
          "how do I ask about suicide",
          "family member wants to interpret",
          "client with dementia repeats the same story",
          "he hears voices telling him to leave",
          "she wants to stop coming",
          "client gave me a gift",
          "how to end a first session",
          "I disagreed with my supervisor",
          "parent wants to know what the teen said",
          "client says nobody understands",
          "what to say when a client is drunk in session",
          "nervous about my first intake");

  /** {@code words} (semantic search off) or {@code hybrid}. */
  @Param({"words", "hybrid"})
  public String mode;

  private KnowledgeBase kb;
  private long next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    Path config = Path.of(System.getProperty("rkb.config", "index-config"));
    Files.writeString(
        config.resolve("semantic.yml"), "enabled: " + mode.equals("hybrid") + "\nthreads: 1\n");
    kb = SearchBenchmark.openEngine(config);
    if (mode.equals("hybrid") && kb.passagesPending() > 0) {
      throw new IllegalStateException(
          kb.passagesPending() + " articles have no passages yet: run index first");
    }
    kb.search().warm();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    kb.close();
  }

  /** One search of a query asked for the first time. */
  @Benchmark
  public Object search() throws IOException {
    long n = next++;
    String first = SITUATIONS.get((int) (n % SITUATIONS.size()));
    String second = SITUATIONS.get((int) ((n / SITUATIONS.size()) % SITUATIONS.size()));
    return kb.search().search(SearchRequest.of(first + " " + second + " " + n));
  }
}
