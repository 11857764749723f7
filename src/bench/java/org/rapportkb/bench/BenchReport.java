package org.rapportkb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.rapportkb.json.Json;

/**
 * Writes the figures of a suite run into {@code docs/benchmarks.md}, between the markers {@code
 * <!-- figures:start -->} and {@code <!-- figures:end -->}; the text around them is kept.
 *
 * <pre>
 * BenchReport RESULTS.properties JMH.json docs/benchmarks.md
 * </pre>
 */
public final class BenchReport {
  static final String START = "<!-- figures:start -->";
  static final String END = "<!-- figures:end -->";

  /** The systems under the search load, in the order of the table: key, name, configuration. */
  private static final List<String[]> SYSTEMS =
      List.of(
          new String[] {
            "rkb",
            "rapport-kb, as shipped (`/api/search`)",
            "result cache on (`cachedSearches: 500`), search by words"
          },
          new String[] {
            "rkb_uncached",
            "**rapport-kb, searches that run** (`/api/search`)",
            "result cache off (`cachedSearches: 0`), search by words"
          },
          new String[] {
            "postgres",
            "PostgreSQL full-text search",
            "weighted tsvector (A title + aliases, B summary + tags, C body), GIN index,"
                + " `websearch_to_tsquery` (all words), `ts_rank_cd`, `ts_headline` on the top 10,"
                + " category counts; default server settings; node, `pg` pool of 10"
          },
          new String[] {
            "sqlite",
            "SQLite FTS5",
            "Porter stemmer, words OR'ed, `bm25()` with column weights 10 / 8 / 4 / 4 / 1,"
                + " `snippet()`, category counts; one node process (better-sqlite3)"
          },
          new String[] {
            "minisearch",
            "MiniSearch",
            "in memory, boosts title and aliases 3, summary and tags 1.5, `prefix: true`,"
                + " `fuzzy: 0.2`, words OR'ed; snippet and category counts over its results;"
                + " one node process"
          });

  private final Properties results;
  private final JsonNode jmh;
  private final StringBuilder out = new StringBuilder();

  BenchReport(Properties results, JsonNode jmh) {
    this.results = results;
    this.jmh = jmh;
  }

  public static void main(String[] args) throws IOException {
    Properties results = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      results.load(reader);
    }
    Path jmhFile = Path.of(args[1]);
    JsonNode jmh = Files.isRegularFile(jmhFile) ? Json.MAPPER.readTree(jmhFile.toFile()) : null;
    Path doc = Path.of(args[2]);
    String figures = new BenchReport(results, jmh).figures();
    String text =
        Files.isRegularFile(doc)
            ? Files.readString(doc)
            : "# Benchmarks\n\n" + START + "\n" + END + "\n";
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    if (start < 0 || end < start) {
      text = text.stripTrailing() + "\n\n" + START + "\n" + END + "\n";
      start = text.indexOf(START);
      end = text.indexOf(END);
    }
    String updated =
        text.substring(0, start + START.length()) + "\n" + figures + text.substring(end);
    Files.writeString(doc, updated, StandardCharsets.UTF_8);
    System.out.println("wrote " + doc);
  }

  String figures() {
    machine();
    targets();
    peers();
    latency();
    hybrid();
    indexing();
    startup();
    memory();
    return out.toString();
  }

  private int serverSize() {
    return (int) number("server_size");
  }

  private void machine() {
    line("## The machine and the run");
    line("");
    line("| | |");
    line("| --- | --- |");
    row("CPU", get("machine_cpu") + ", " + get("machine_nproc") + " cores");
    row("Memory", get("machine_mem_gib") + " GiB");
    row("System", get("machine_os"));
    row("Java", get("machine_java"));
    if (has("machine_node")) {
      row("Peers", "node " + get("machine_node") + "; " + get("machine_postgres"));
    }
    row(
        "Load generator",
        get("machine_wrk")
            + ", "
            + get("wrk_threads")
            + " threads, "
            + get("wrk_connections")
            + " connections, "
            + get("wrk_duration")
            + " per load, on the loopback interface, sharing the cores with the server");
    row("Date (UTC)", get("machine_date"));
    row(
        "Load average (1, 5, 15 min) at start / end",
        get("machine_load_start") + " / " + get("machine_load_end"));
    if (has("machine_gauge_median_s")) {
      row(
          "CPU gauge: seconds to SHA-256 256 MB on one core, before each step (lower is faster)",
          "median "
              + get("machine_gauge_median_s")
              + " s, fastest "
              + get("machine_gauge_min_s")
              + " s, slowest "
              + get("machine_gauge_max_s")
              + " s");
    }
    row("Runs per figure", get("runs") + " (the median is shown)");
    row("Corpus", "generated, seed " + get("seed") + ": " + corpusSizes());
    row(
        "Queries",
        String.format(
            Locale.ROOT,
            "%,d distinct searches of %s words on average drawn from the %,d-article corpus, %,d of"
                + " them filtered by a category; %,d distinct suggestion prefixes (SHA-256 of the"
                + " two files: %s…, %s…)",
            (long) number("queries_count"),
            get("queries_words_mean"),
            serverSize(),
            (long) number("queries_filtered"),
            (long) number("prefixes_count"),
            get("queries_sha"),
            get("prefixes_sha")));
    row(
        "rapport-kb",
        "`bin/rapport-kb` as shipped (its class-data archive recorded by an earlier, unmeasured"
            + " start), JVM heap "
            + (get("server_heap").equals("default") ? "the JVM's default" : get("server_heap"))
            + ", plus a GC log");
    line("");
  }

  private String corpusSizes() {
    List<String> parts = new ArrayList<>();
    for (int n : corpusSizes(get("sizes"))) {
      parts.add(
          String.format(
              Locale.ROOT, "%,d articles = %s MB of Markdown", n, get("corpus_" + n + "_mb")));
    }
    return String.join("; ", parts);
  }

  // ---- targets ---------------------------------------------------------------------------------

  private void targets() {
    int n = serverSize();
    line("## Targets");
    line("");
    line(
        String.format(
            Locale.ROOT,
            "The issue's targets, at %,d generated articles, varied queries and %s connections on"
                + " these two cores.",
            n,
            get("wrk_connections")));
    line("");
    line("| Target | Goal | Measured | Met |");
    line("| --- | --- | --- | --- |");

    double uncached = medianOfRuns("http_rkb_uncached", "rps");
    double uncachedP99 = medianOfRuns("http_rkb_uncached", "p99_ms");
    target(
        "Lexical searches that run (cache off), `/api/search`",
        "≥ 1,500 /s",
        fmt(uncached, "%,.0f /s")
            + " (as shipped, cache on: "
            + fmt(medianOfRuns("http_rkb", "rps"), "%,.0f /s")
            + ")",
        met(uncached >= 1500, uncached));
    target(
        "Lexical searches that run, p99 latency",
        "≤ 30 ms",
        fmt(uncachedP99, "%.1f ms")
            + " (as shipped: "
            + fmt(medianOfRuns("http_rkb", "p99_ms"), "%.1f ms")
            + ")",
        met(uncachedP99 <= 30, uncachedP99));
    double jmhMean = jmhMean("varied") / 1000;
    target(
        "In-process search (JMH, one thread, varied queries, cache off: facets, snippets and"
            + " spelling check included)",
        "mean ≤ 0.6 ms",
        fmt(jmhMean, "%.2f ms") + " mean, p99 " + fmt(jmhPercentile("varied", "99.0"), "%.2f ms"),
        met(jmhMean <= 0.6, jmhMean));

    boolean hybridRun = has("hybrid_size");
    int h = hybridRun ? (int) number("hybrid_size") : n;
    boolean hybridAtSize = h == n;
    String atHybrid = hybridAtSize ? "" : String.format(Locale.ROOT, " at %,d articles", h);
    double hybrid = medianOfRuns("http_hybrid", "rps");
    double hybridP99 = medianOfRuns("http_hybrid", "p99_ms");
    target(
        "Hybrid searches that run (dense + lexical, cache off)",
        "≥ 600 /s",
        fmt(hybrid, "%,.0f /s") + atHybrid,
        hybridAtSize ? met(hybrid >= 600, hybrid) : notAtSize(hybrid >= 600, hybrid));
    target(
        "Hybrid searches that run, p99 latency",
        "≤ 60 ms",
        fmt(hybridP99, "%.1f ms") + atHybrid,
        hybridAtSize ? met(hybridP99 <= 60, hybridP99) : notAtSize(hybridP99 <= 60, hybridP99));

    double suggestP99 = medianOfRuns("http_suggest", "p99_ms");
    target(
        "Suggestions (`/api/suggest`, varied prefixes), p99 latency",
        "≤ 5 ms",
        fmt(suggestP99, "%.1f ms")
            + " ("
            + fmt(medianOfRuns("http_suggest", "rps"), "%,.0f /s")
            + ")",
        met(suggestP99 <= 5, suggestP99));

    double postgres = medianOfRuns("http_postgres", "rps");
    double ratio = uncached / postgres;
    target(
        "Throughput against the PostgreSQL peer, same run (searches that run)",
        "≥ 10 ×",
        fmt(ratio, "%.1f ×")
            + " ("
            + fmt(uncached, "%,.0f")
            + " against "
            + fmt(postgres, "%,.0f")
            + " /s)",
        met(ratio >= 10, ratio));

    double perSecond = number("hybrid_embed_per_s");
    target(
        "Embedding (batched, both cores)",
        "≥ 1,000 passages/s",
        fmt(perSecond, "%,.0f passages/s")
            + String.format(
                Locale.ROOT,
                " (%,d passages of %,d articles in %s s)",
                (long) number("hybrid_passages"),
                (long) number("hybrid_articles"),
                get("hybrid_embed_s")),
        met(perSecond >= 1000, perSecond));
    double embedS = number("hybrid_embed_s");
    if (hybridAtSize) {
      target(
          String.format(Locale.ROOT, "All vectors of the %,d-article corpus", n),
          "≤ 5 min",
          fmt(embedS / 60, "%.1f min"),
          met(embedS <= 300, embedS));
    } else if (hybridRun) {
      double estimate = number("hybrid_passages") / number("hybrid_articles") * n / perSecond / 60;
      target(
          String.format(Locale.ROOT, "All vectors of the %,d-article corpus", n),
          "≤ 5 min",
          String.format(
              Locale.ROOT,
              "not run at %,d; estimated %s from the rate and passages per article at %,d",
              n,
              fmt(estimate, "%.1f min"),
              h),
          estimate <= 5 ? "likely (estimate)" : "**no** (estimate)");
    } else {
      target(
          String.format(Locale.ROOT, "All vectors of the %,d-article corpus", n),
          "≤ 5 min",
          "–",
          "not run");
    }
    double ready = number("server_" + n + "_startup_first_search_ms");
    target(
        "Server ready with an existing index: start to first answered search",
        "≤ 1.5 s",
        fmt(ready / 1000, "%.2f s")
            + " (address printed after "
            + fmt(number("server_" + n + "_startup_ready_ms") / 1000, "%.2f s")
            + ")",
        met(ready <= 1500, ready));
    double index = number("index_" + n + "_wall_s");
    target(
        "Cold lexical index",
        "≤ 10 s",
        fmt(index, "%.1f s") + " (" + get("index_" + n + "_per_s") + " articles/s)",
        met(index <= 10, index));
    double rssStart = number("hybrid_rss_start_mb");
    double rssAfter = number("soak_rss_after_mb");
    String server = String.format(Locale.ROOT, "hybrid server, %,d articles, model loaded", h);
    target(
        "Server's resident memory at start, model included",
        "≤ 400 MB",
        fmt(rssStart, "%.0f MB") + mappedFiles("hybrid_rss_start_file_mb") + " (" + server + ")",
        hybridAtSize ? met(rssStart <= 400, rssStart) : notAtSize(rssStart <= 400, rssStart));
    double soakMinutes = seconds(get("soak")) / 60;
    boolean fullSoak = soakMinutes >= 10;
    target(
        "Server's resident memory after ten minutes under load",
        "≤ 400 MB",
        fmt(rssAfter, "%.0f MB")
            + mappedFiles("soak_rss_after_file_mb")
            + String.format(
                Locale.ROOT,
                " after %s min of hybrid searches (peak %s MB)",
                fmt(soakMinutes, "%.0f"),
                get("soak_hwm_mb")),
        hybridAtSize && fullSoak
            ? met(rssAfter <= 400, rssAfter)
            : Double.isNaN(rssAfter)
                ? "not run"
                : (rssAfter <= 400 ? "yes" : "**no**")
                    + (fullSoak ? "" : ", after " + fmt(soakMinutes, "%.0f") + " min only")
                    + (hybridAtSize
                        ? ""
                        : String.format(
                            Locale.ROOT, ", at %,d articles", (int) number("hybrid_size"))));
    line("");
  }

  private static String met(boolean met, double value) {
    return Double.isNaN(value) ? "not run" : met ? "yes" : "**no**";
  }

  private String notAtSize(boolean met, double value) {
    return Double.isNaN(value)
        ? "not run"
        : (met ? "yes" : "**no**")
            + String.format(Locale.ROOT, ", at %,d articles", (int) number("hybrid_size"));
  }

  private void target(String what, String goal, String measured, String met) {
    line("| " + what + " | " + goal + " | " + measured + " | " + met + " |");
  }

  // ---- rapport-kb and its peers -----------------------------------------------------------------

  private void peers() {
    int n = serverSize();
    line("## rapport-kb and its peers, one run");
    line("");
    line(
        String.format(
            Locale.ROOT,
            "Every system searches the same %,d articles (drafts left out), exported as the engine"
                + " reads them: slug, title, aliases, summary, tags, category, level and the body's"
                + " plain text. Every system gets the same sequence of %,d distinct queries, each"
                + " request the next one (wrk's two threads start half the file apart), and the"
                + " same load, after a 5 s warm-up of the same kind; the loads take turns, round"
                + " after round, so that a slower spell of the host falls on all alike. Every"
                + " answer holds the top 10 hits with a snippet (matches marked), the number of"
                + " matches and the count per category.",
            (long) number("export_articles"),
            (long) number("queries_count")));
    line("");
    line(
        "| System | Configuration | Requests/s | p50 | p99 | Errors | Runs (requests/s) | Matches"
            + " per query | No match | Index built | Memory |");
    line("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
    httpRow(
        "`/health` (rapport-kb, as shipped)",
        "reference: the cost of a request that does no search",
        "http_health",
        "",
        "",
        "");
    for (String[] system : SYSTEMS) {
      String key = system[0];
      if (!has("http_" + key + "_1_rps")) {
        continue;
      }
      String build =
          key.startsWith("rkb")
              ? fmt(number("index_" + n + "_wall_s"), "%.1f s")
              : fmt(number("peer_" + key + "_build_s"), "%.1f s")
                  + (has("peer_" + key + "_size") ? ", " + get("peer_" + key + "_size") : "");
      httpRow(system[1], system[2], "http_" + key, key, build, memory(key));
    }
    httpRow(
        "rapport-kb, suggestions (`/api/suggest`)",
        "varied prefixes, on the cache-off server (suggestions are never kept)",
        "http_suggest",
        "",
        "",
        "");
    if (has("http_hybrid_1_rps")) {
      httpRow(
          String.format(
              Locale.ROOT,
              "**rapport-kb, hybrid searches that run**%s",
              (int) number("hybrid_size") == n
                  ? ""
                  : String.format(Locale.ROOT, " (%,d articles)", (int) number("hybrid_size"))),
          "search by meaning on (bundled model), result cache off, every passage embedded",
          "http_hybrid",
          "hybrid",
          fmt(number("hybrid_index_wall_s"), "%.0f s") + " with embedding",
          has("soak_rss_after_mb") ? get("soak_rss_after_mb") + " MB after soak" : "");
    }
    line("");
    line(
        "\"Matches per query\" and \"No match\" come from the first 200 queries sent one at a time"
            + " before the loads: the mean number of matching articles an answer reports, and the"
            + " share of queries that found nothing. They show how much each system has to rank and"
            + " count: rapport-kb, SQLite FTS5 and MiniSearch match any of the words (MiniSearch"
            + " also prefixes and near spellings), PostgreSQL's `websearch_to_tsquery` all of"
            + " them.");
    line(
        "\"Memory\" is the resident memory of the server process after the loads (for PostgreSQL"
            + " the node process only, not the database's own processes). The as-shipped row"
            + " answers a query asked again from its kept answers (500 by default); with this many"
            + " distinct queries few are asked again within the window.");
    double postgres = medianOfRuns("http_postgres", "rps");
    if (!Double.isNaN(postgres)) {
      line("");
      line(
          String.format(
              Locale.ROOT,
              "Searches that run, against each peer (requests/s): %s.",
              String.join(
                  ", ",
                  SYSTEMS.stream()
                      .skip(2)
                      .filter(s -> has("http_" + s[0] + "_1_rps"))
                      .map(
                          s ->
                              fmt(
                                      medianOfRuns("http_rkb_uncached", "rps")
                                          / medianOfRuns("http_" + s[0], "rps"),
                                      "%.1f ×")
                                  + " "
                                  + s[1])
                      .toList())));
    }
    line("");
  }

  private String memory(String key) {
    String rss = get("http_" + key + "_rss_mb");
    return rss.equals("–") ? "" : rss + " MB (peak " + get("http_" + key + "_hwm_mb") + " MB)";
  }

  private void httpRow(
      String system, String config, String prefix, String sampleKey, String build, String memory) {
    if (!has(prefix + "_1_rps")) {
      return;
    }
    String sample = "sample_" + sampleKey;
    boolean sampled = !sampleKey.isEmpty() && has(sample + "_mean_total");
    line(
        String.format(
            Locale.ROOT,
            "| %s | %s | %,.0f | %.2f ms | %.2f ms | %d | %s | %s | %s | %s | %s |",
            system,
            config,
            medianOfRuns(prefix, "rps"),
            medianOfRuns(prefix, "p50_ms"),
            medianOfRuns(prefix, "p99_ms"),
            (long) sumOfRuns(prefix, "errors") + (long) sumOfRuns(prefix, "socket_errors"),
            runs(prefix),
            sampled ? fmt(number(sample + "_mean_total"), "%,.0f") : "",
            sampled ? get(sample + "_zero_pct") + " %" : "",
            build,
            memory));
  }

  private String runs(String prefix) {
    List<String> values = new ArrayList<>();
    for (int run = 1; has(prefix + "_" + run + "_rps"); run++) {
      values.add(fmt(number(prefix + "_" + run + "_rps"), "%.0f"));
    }
    return String.join(" ", values);
  }

  // ---- JMH -------------------------------------------------------------------------------------

  private void latency() {
    line("## In-process search latency (JMH)");
    line("");
    if (jmh == null || jmh.isEmpty()) {
      line("Not run.");
      line("");
      return;
    }
    line(
        String.format(
            Locale.ROOT,
            "`SearchService` on the %,d-article index, one thread, JMH sample mode, the result"
                + " cache off (`cachedSearches: 0`), so every call runs the whole search: 10 hits"
                + " with snippets, facets and the spelling check; a suggestion is up to 8 title"
                + " completions. `varied` cycles through the varied queries of the HTTP loads,"
                + " `prefix` through the varied prefixes, `mix` through the 31 fixed queries of"
                + " `bench/queries.tsv` (shown for comparison with earlier runs). Times in"
                + " microseconds; CPU gauge before this step %s s.",
            (int) number("jmh_size"),
            get("jmh_gauge")));
    line("");
    line("| Kind | mean | p50 | p90 | p99 | samples |");
    line("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (JsonNode bench : jmh) {
      if (!isSearchBenchmark(bench)) {
        continue;
      }
      JsonNode metric = bench.path("primaryMetric");
      JsonNode pct = metric.path("scorePercentiles");
      line(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.0f | %,d |",
              bench.path("params").path("kind").asText(),
              metric.path("score").asDouble(),
              pct.path("50.0").asDouble(),
              pct.path("90.0").asDouble(),
              pct.path("99.0").asDouble(),
              samples(metric)));
    }
    line("");
  }

  private static boolean isSearchBenchmark(JsonNode bench) {
    return bench
        .path("benchmark")
        .asText()
        .endsWith("." + SearchBenchmark.class.getSimpleName() + ".search");
  }

  private JsonNode jmhKind(String kind) {
    if (jmh != null) {
      for (JsonNode bench : jmh) {
        if (isSearchBenchmark(bench) && bench.path("params").path("kind").asText().equals(kind)) {
          return bench.path("primaryMetric");
        }
      }
    }
    return null;
  }

  /** The mean of a JMH kind, in microseconds. */
  private double jmhMean(String kind) {
    JsonNode metric = jmhKind(kind);
    return metric == null ? Double.NaN : metric.path("score").asDouble();
  }

  /** A percentile of a JMH kind, in milliseconds. */
  private double jmhPercentile(String kind, String percentile) {
    JsonNode metric = jmhKind(kind);
    return metric == null
        ? Double.NaN
        : metric.path("scorePercentiles").path(percentile).asDouble() / 1000;
  }

  private static long samples(JsonNode metric) {
    long count = 0;
    for (JsonNode iteration : metric.path("rawDataHistogram")) {
      for (JsonNode fork : iteration) {
        for (JsonNode bucket : fork) {
          count += bucket.path(1).asLong();
        }
      }
    }
    return count;
  }

  // ---- hybrid ----------------------------------------------------------------------------------

  private void hybrid() {
    line("## Search by meaning: embedding, hybrid searches and the soak");
    line("");
    if (!has("hybrid_size")) {
      line("Not run.");
      line("");
      return;
    }
    int h = (int) number("hybrid_size");
    line(
        String.format(
            Locale.ROOT,
            "`index --rebuild` of %,d articles with the bundled `semantic.yml` (search by meaning"
                + " on) in a fresh folder: the word index first (its summary line), then every"
                + " passage embedded by the bundled model; embedding time is from the summary line"
                + " to the end of the command, which printed %s progress lines meanwhile. Then a"
                + " server on that index with the result cache off takes the varied queries,"
                + " %s time(s), then the same load for %s (the soak).%s",
            h,
            get("hybrid_progress_lines"),
            get("runs"),
            get("soak"),
            h == serverSize()
                ? ""
                : String.format(
                    Locale.ROOT,
                    " This run used %,d articles (`--hybrid-size`), not %,d: embedding all of"
                        + " the larger corpus takes too long for it.",
                    h,
                    serverSize())));
    line("");
    line(
        "| Articles | Passages | Word index | Embedding | Passages/s | CPU time | Peak RSS of"
            + " `index` |");
    line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    line(
        String.format(
            Locale.ROOT,
            "| %,d | %,d | %s s | %s s | %s | %s s | %s MB |",
            (long) number("hybrid_articles"),
            (long) number("hybrid_passages"),
            get("hybrid_word_index_s"),
            get("hybrid_embed_s"),
            get("hybrid_embed_per_s"),
            get("hybrid_index_cpu_s"),
            get("hybrid_index_rss_mb")));
    line("");
    line("| Load | Requests/s | p50 | p99 | Errors | RSS before | RSS after (peak) |");
    line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    line(
        String.format(
            Locale.ROOT,
            "| hybrid searches that run, %s × %s | %,.0f | %.2f ms | %.2f ms | %d | %s MB | |",
            get("runs"),
            get("wrk_duration"),
            medianOfRuns("http_hybrid", "rps"),
            medianOfRuns("http_hybrid", "p50_ms"),
            medianOfRuns("http_hybrid", "p99_ms"),
            (long) sumOfRuns("http_hybrid", "errors")
                + (long) sumOfRuns("http_hybrid", "socket_errors"),
            get("hybrid_rss_start_mb")));
    line(
        String.format(
            Locale.ROOT,
            "| soak, the same load for %s | %,.0f | %.2f ms | %.2f ms | %d | %s MB | %s MB (%s MB)"
                + " |",
            get("soak"),
            medianOfRuns("soak", "rps"),
            medianOfRuns("soak", "p50_ms"),
            medianOfRuns("soak", "p99_ms"),
            (long) sumOfRuns("soak", "errors") + (long) sumOfRuns("soak", "socket_errors"),
            get("soak_rss_before_mb"),
            get("soak_rss_after_mb"),
            get("soak_hwm_mb")));
    line("");
    if (has("sample_hybrid_mean_total")) {
      line(
          String.format(
              Locale.ROOT,
              "Answers to the first 200 queries sent one at a time: %s matches per query on"
                  + " average, %s %% with none, %s ms median for one request alone.",
              fmt(number("sample_hybrid_mean_total"), "%,.0f"),
              get("sample_hybrid_zero_pct"),
              get("sample_hybrid_serial_ms")));
      line("");
    }
  }

  // ---- indexing, start-up, memory
  // ----------------------------------------------------------------

  private void indexing() {
    line("## Cold full index (words)");
    line("");
    line(
        "`bin/rapport-kb index --rebuild` into an empty index folder with search by meaning off;"
            + " wall time from process start to exit (the engine's own figure excludes JVM"
            + " start); CPU time is user + system time of the process, all threads (JIT and GC"
            + " included). The article files are in the OS page cache (every file is read once"
            + " before the first run).");
    line("");
    line(
        "| Articles | Wall time | Engine time | Articles/s | CPU time | Runs (s) | Load at start |"
            + " Peak RSS | Peak heap | Index on disk |");
    line("| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
    for (int n : sizes()) {
      String k = "index_" + n + "_";
      if (!has(k + "wall_s")) {
        continue;
      }
      line(
          String.format(
              Locale.ROOT,
              "| %,d | %s s | %s s | %s | %s s | %s | %s | %s MB | %s MB | %s MB |",
              n,
              get(k + "wall_s"),
              get(k + "engine_s"),
              get(k + "per_s"),
              get(k + "cpu_s"),
              get(k + "wall_runs")
                  + (has(k + "gauge_runs") ? " (gauge " + get(k + "gauge_runs") + ")" : ""),
              get(k + "load"),
              get(k + "rss_mb"),
              get(k + "heap_peak_mb"),
              get(k + "disk_mb")));
    }
    line("");
  }

  private void startup() {
    line("## Server start and freshness");
    line("");
    line(
        "Start: from launching `bin/rapport-kb serve --port 0` on an index built before to the"
            + " printed address, and to the first answered `/api/search`. An index closed cleanly"
            + " is opened with Lucene's own checks (the first start after `index` also reads in"
            + " full the files `index` wrote just before it closed), and the server compares the"
            + " articles folder with it after the address is printed. Freshness: an article is saved (written beside, then"
            + " renamed, as editors do) while the server runs; the time until `/api/search`"
            + " returns it, polled every 2 ms, and until it is gone after the file is deleted.");
    line("");
    line(
        "| Articles | Load at start | Address printed | First search answered | Saved → found"
            + " (median / worst) | Deleted → gone |");
    line("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int n : sizes()) {
      String k = "server_" + n + "_";
      if (!has(k + "startup_ready_ms")) {
        continue;
      }
      line(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %s ms | %s | %s | %s |",
              n,
              get(k + "load"),
              get(k + "startup_ready_ms"),
              get(k + "startup_first_search_ms")
                  + " ms"
                  + (has(k + "startup_first_search_max_ms")
                      ? " (slowest run " + get(k + "startup_first_search_max_ms") + " ms)"
                      : ""),
              has(k + "fresh_found_ms")
                  ? get(k + "fresh_found_ms") + " ms / " + get(k + "fresh_found_max_ms") + " ms"
                  : "–",
              has(k + "fresh_gone_ms") ? get(k + "fresh_gone_ms") + " ms" : "–"));
    }
    line("");
  }

  private void memory() {
    int n = serverSize();
    line("## Memory");
    line("");
    line(
        "Resident memory (RSS) of the process, now and at its peak (VmHWM); peak heap is the"
            + " largest heap occupancy in its GC log (just before a collection), and \"after GC\""
            + " the largest heap left after one, an upper bound of live data.");
    line("");
    line("| Process | Articles | RSS | Peak RSS | Peak heap | Max heap after GC |");
    line("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (int size : sizes()) {
      String k = "index_" + size + "_";
      if (has(k + "rss_mb")) {
        memoryRow(
            "`index --rebuild`, words",
            size,
            "",
            get(k + "rss_mb"),
            get(k + "heap_peak_mb"),
            get(k + "heap_live_mb"));
      }
    }
    if (has("hybrid_index_rss_mb")) {
      memoryRow(
          "`index --rebuild`, words and every passage embedded",
          (int) number("hybrid_size"),
          "",
          get("hybrid_index_rss_mb"),
          "",
          "");
    }
    if (has("http_rkb_rss_mb")) {
      memoryRow(
          "`serve` as shipped, after the loads",
          n,
          get("http_rkb_rss_mb"),
          get("http_rkb_hwm_mb"),
          get("server_" + n + "_heap_peak_mb"),
          get("server_" + n + "_heap_live_mb"));
    }
    if (has("http_rkb_uncached_rss_mb")) {
      memoryRow(
          "`serve` with the cache off, after the loads",
          n,
          get("http_rkb_uncached_rss_mb"),
          get("http_rkb_uncached_hwm_mb"),
          get("server_" + n + "_uncached_heap_peak_mb"),
          "");
    }
    if (has("hybrid_rss_start_mb")) {
      int h = (int) number("hybrid_size");
      memoryRow(
          "`serve`, search by meaning on, at start", h, get("hybrid_rss_start_mb"), "", "", "");
      memoryRow(
          "`serve`, search by meaning on, after " + get("soak") + " of load",
          h,
          get("soak_rss_after_mb"),
          get("soak_hwm_mb"),
          get("soak_heap_peak_mb"),
          get("soak_heap_live_mb"));
    }
    line("");
    List<String> mapped = new ArrayList<>();
    mappedPart(mapped, "as shipped", "http_rkb_rss_file_mb");
    mappedPart(mapped, "with the cache off", "http_rkb_uncached_rss_file_mb");
    mappedPart(mapped, "search by meaning on, at start", "hybrid_rss_start_file_mb");
    mappedPart(mapped, "after the soak", "soak_rss_after_file_mb");
    if (!mapped.isEmpty()) {
      line(
          "Of the servers' RSS, mapped files (the index, the jar, native libraries), which the"
              + " kernel can drop and read again, unlike the process's own memory: "
              + String.join("; ", mapped)
              + ".");
      line("");
    }
  }

  private void mappedPart(List<String> parts, String label, String key) {
    if (has(key)) {
      parts.add(label + " " + get(key) + " MB");
    }
  }

  private void memoryRow(
      String process, int articles, String rss, String hwm, String heap, String live) {
    line(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %s | %s | %s | %s |",
            process,
            articles,
            mb(rss),
            mb(hwm),
            mb(heap),
            mb(live)));
  }

  private static String mb(String value) {
    return value.isEmpty() || value.equals("–") ? "" : value + " MB";
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private int[] sizes() {
    return corpusSizes(get("sizes"));
  }

  private static int[] corpusSizes(String sizes) {
    return Arrays.stream(sizes.trim().split("\\s+"))
        .filter(s -> !s.isEmpty() && !s.equals("–"))
        .mapToInt(Integer::parseInt)
        .sorted()
        .distinct()
        .toArray();
  }

  /** A wrk duration such as 10m, 90s or 1h, in seconds. */
  private static double seconds(String duration) {
    try {
      double n = Double.parseDouble(duration.replaceAll("[a-z]+$", ""));
      return duration.endsWith("h") ? n * 3600 : duration.endsWith("m") ? n * 60 : n;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private double medianOfRuns(String prefix, String metric) {
    List<Double> values = new ArrayList<>();
    for (int run = 1; has(prefix + "_" + run + "_rps"); run++) {
      values.add(number(prefix + "_" + run + "_" + metric));
    }
    return values.isEmpty() ? Double.NaN : ServerProbe.median(values);
  }

  private double sumOfRuns(String prefix, String metric) {
    double sum = 0;
    for (int run = 1; has(prefix + "_" + run + "_rps"); run++) {
      sum += has(prefix + "_" + run + "_" + metric) ? number(prefix + "_" + run + "_" + metric) : 0;
    }
    return sum;
  }

  /** ", N MB of it mapped files" when the run recorded that part of a resident size under KEY. */
  private String mappedFiles(String key) {
    return has(key) ? ", " + get(key) + " MB of it mapped files" : "";
  }

  private boolean has(String key) {
    return results.getProperty(key) != null && !results.getProperty(key).isBlank();
  }

  private String get(String key) {
    return has(key) ? results.getProperty(key).strip() : "–";
  }

  private double number(String key) {
    try {
      return Double.parseDouble(get(key));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String fmt(double value, String format) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "–"
        : String.format(Locale.ROOT, format, value);
  }

  private void row(String name, String value) {
    line("| " + name + " | " + value + " |");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
