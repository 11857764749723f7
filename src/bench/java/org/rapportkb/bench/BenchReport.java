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
  private static final int TARGET_SIZE = 10_000;
  private static final int LARGE_SIZE = 100_000;

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
    indexing();
    latency();
    http();
    startup();
    memory();
    return out.toString();
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
    row(
        "Load generator",
        get("machine_wrk")
            + ", "
            + get("wrk_connections")
            + " connections, 2 threads, "
            + get("wrk_duration")
            + " per run, loopback");
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
    line("");
  }

  private String corpusSizes() {
    List<String> parts = new ArrayList<>();
    for (int n : sizes()) {
      parts.add(
          String.format(
              Locale.ROOT, "%,d articles = %s MB of Markdown", n, get("corpus_" + n + "_mb")));
    }
    return String.join("; ", parts);
  }

  private void targets() {
    line("## Targets");
    line("");
    line("| Target | Goal | Measured | Met |");
    line("| --- | --- | --- | --- |");
    String n = String.valueOf(TARGET_SIZE);
    double index = number("index_" + n + "_wall_s");
    target(
        "Cold full index of 10,000 articles",
        "≤ 15 s",
        fmt(index, "%.1f s") + " (" + get("index_" + n + "_per_s") + " articles/s)",
        index <= 15);
    double found = number("server_" + n + "_fresh_found_ms");
    double foundMax = number("server_" + n + "_fresh_found_max_ms");
    target(
        "Saved article found by search, server running, 10,000 articles",
        "≤ 1 s",
        fmt(found, "%.0f ms") + " median, " + fmt(foundMax, "%.0f ms") + " worst",
        foundMax <= 1000);
    double search = medianOfRuns("server_" + n + "_search", "rps");
    double health = medianOfRuns("server_" + n + "_health", "rps");
    target(
        "`/api/search` throughput vs `/health`, same server and run, 10,000 articles",
        "≥ 50 %",
        fmt(100 * search / health, "%.0f %%")
            + " ("
            + fmt(search, "%,.0f")
            + " vs "
            + fmt(health, "%,.0f")
            + " requests/s)"
            + uncachedNote(n, "rps", "%,.0f requests/s"),
        search >= health / 2);
    double p99 = medianOfRuns("server_" + n + "_search", "p99_ms");
    target(
        "`/api/search` p99 latency at 16 connections, 10,000 articles",
        "≤ 20 ms",
        fmt(p99, "%.1f ms") + uncachedNote(n, "p99_ms", "%.1f ms"),
        p99 <= 20);
    double ready = number("server_" + n + "_startup_first_search_ms");
    target(
        "Server start to first answered search, existing 10,000-article index",
        "< 3 s",
        fmt(ready / 1000, "%.2f s")
            + " (ready line after "
            + fmt(number("server_" + n + "_startup_ready_ms") / 1000, "%.2f s")
            + ")",
        ready < 3000);
    String large = String.valueOf(LARGE_SIZE);
    double heap = number("server_" + large + "_heap_peak_mb");
    boolean served = has("server_" + large + "_articles");
    target(
        "Heap at 100,000 articles (server run with -Xmx" + get("server_heap") + ")",
        "< 512 MB",
        served
            ? fmt(heap, "%.0f MB")
                + " peak, "
                + get("server_" + large + "_heap_live_mb")
                + " MB max after GC; "
                + get("server_" + large + "_articles")
                + " articles served"
            : "not run",
        served && heap < 512);
    line("");
  }

  private void target(String what, String goal, String measured, boolean met) {
    line("| " + what + " | " + goal + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
  }

  private void indexing() {
    line("## Cold full index");
    line("");
    line(
        "`java -jar rapport-kb.jar index --rebuild` into an empty index folder, in a fresh JVM with"
            + " default");
    line(
        "settings; wall time from process start to exit (the engine's own figure excludes JVM"
            + " start);");
    line("CPU time is user + system time of the process, all threads (JIT and GC included).");
    line(
        "The article files are in the OS page cache (every file is read once before the first"
            + " run).");
    line("");
    line(
        "| Articles | Wall time | Engine time | Articles/s | CPU time | Runs (s) | Load at start |"
            + " Peak RSS | Peak heap | Index on disk |");
    line("| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
    for (int n : sizes()) {
      String k = "index_" + n + "_";
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
    if (has("index_capped_size")) {
      line("");
      line(
          String.format(
              Locale.ROOT,
              "With the heap capped at -Xmx%s, the %,d-article index %s in %s s (peak heap %s MB,"
                  + " RSS %s MB).",
              get("server_heap"),
              (int) number("index_capped_size"),
              get("index_capped_status").equals("0") ? "was built" : "**failed**",
              get("index_capped_wall_s"),
              get("index_capped_heap_peak_mb"),
              get("index_capped_rss_mb")));
    }
    line("");
  }

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
            "`SearchService` on the %,d-article index, one thread, JMH sample mode: each kind"
                + " cycles through",
            (int) number("jmh_size")));
    line(
        "its queries of `bench/queries.tsv` (search: 10 hits with snippets, facets and the"
            + " spelling");
    line("suggestion; suggest: up to 8 title completions). Times in microseconds. The result cache");
    line("is off (`cachedSearches: 0`), so every call runs the whole search.");
    line("");
    line("| Kind | p50 | p90 | p99 | mean | samples |");
    line("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (JsonNode bench : jmh) {
      JsonNode metric = bench.path("primaryMetric");
      JsonNode pct = metric.path("scorePercentiles");
      line(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.0f | %,d |",
              bench.path("params").path("kind").asText(),
              pct.path("50.0").asDouble(),
              pct.path("90.0").asDouble(),
              pct.path("99.0").asDouble(),
              metric.path("score").asDouble(),
              samples(metric)));
    }
    line("");
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

  /** The same figure with the result cache off, when that load was run. */
  private String uncachedNote(String n, String figure, String format) {
    String prefix = "server_" + n + "_uncached";
    if (!has(prefix + "_1_" + figure)) {
      return "";
    }
    return "; every search run (cache off): " + fmt(medianOfRuns(prefix, figure), format);
  }

  private void http() {
    line("## HTTP throughput and latency");
    line("");
    line(
        "wrk on the loopback interface against one server (run with -Xmx"
            + get("server_heap")
            + "), the three loads in");
    line(
        "turn, repeated "
            + get("runs")
            + " time(s); the median is shown. The search load cycles through the word, phrase,");
    line(
        "filter and typo queries of `bench/queries.tsv`; the suggest load through its suggest"
            + " queries.");
    line("wrk shares the two cores with the server, as it does for every endpoint.");
    line("");
    line("| Articles | Endpoint | Requests/s | vs /health | p50 | p99 | Errors |");
    line("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
    for (int n : sizes()) {
      String base = "server_" + n + "_";
      if (!has(base + "health_1_rps")) {
        continue;
      }
      double health = medianOfRuns(base + "health", "rps");
      for (String endpoint : List.of("health", "search", "suggest")) {
        String prefix = base + endpoint;
        double rps = medianOfRuns(prefix, "rps");
        line(
            String.format(
                Locale.ROOT,
                "| %,d | `%s` | %,.0f | %.0f %% | %.2f ms | %.2f ms | %d |",
                n,
                switch (endpoint) {
                  case "health" -> "/health";
                  case "search" -> "/api/search";
                  default -> "/api/suggest";
                },
                rps,
                100 * rps / health,
                medianOfRuns(prefix, "p50_ms"),
                medianOfRuns(prefix, "p99_ms"),
                (long) sumOfRuns(prefix, "errors") + (long) sumOfRuns(prefix, "socket_errors")));
      }
      String uncached = base + "uncached";
      if (has(uncached + "_1_rps")) {
        double rps = medianOfRuns(uncached, "rps");
        line(
            String.format(
                Locale.ROOT,
                "| %,d | `/api/search`, cache off (second server) | %,.0f | %.0f %% | %.2f ms |"
                    + " %.2f ms | %d |",
                n,
                rps,
                100 * rps / health,
                medianOfRuns(uncached, "p50_ms"),
                medianOfRuns(uncached, "p99_ms"),
                (long) sumOfRuns(uncached, "errors")
                    + (long) sumOfRuns(uncached, "socket_errors")));
      }
    }
    line("");
    line(
        "As shipped, an answer is kept until the index or the config changes (`cachedSearches` in");
    line(
        "`limits.yml`), so the fixed mix is answered mostly from kept answers after its first"
            + " round;");
    line(
        "the \"cache off\" row is a second server on the same index with `cachedSearches: 0`,"
            + " where every");
    line("request runs the whole search (its percentage is against the first server's `/health`).");
    line("");
  }

  private void startup() {
    line("## Server start and freshness");
    line("");
    line(
        "Start: from launching `java -Xmx"
            + get("server_heap")
            + " -jar rapport-kb.jar serve --port 0` on an index built");
    line(
        "before (the server still checks every file against it) to the printed URL, and to the"
            + " first");
    line(
        "answered `/api/search`. Freshness: an article is saved (written beside, then renamed, as");
    line(
        "editors do) while the server runs; the time until `/api/search` returns it, polled every 2"
            + " ms,");
    line("and until it is gone after the file is deleted. The server runs in one JVM, started");
    line("with `java -jar` (no class-data sharing archive).");
    line("");
    line(
        "| Articles | Load at start | Ready | First search answered | Saved → found (median /"
            + " worst) | Deleted → gone |");
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

  /** One row of the memory table, from the figures under {@code prefix}. */
  private void memoryRow(String process, int articles, String prefix) {
    line(
        String.format(
            Locale.ROOT,
            "| %s | %,d | %s MB | %s MB | %s MB |",
            process,
            articles,
            get(prefix + "rss_mb"),
            get(prefix + "heap_peak_mb"),
            get(prefix + "heap_live_mb")));
  }

  private void memory() {
    line("## Memory");
    line("");
    line(
        "Peak RSS is the VmHWM of the application's JVM (the launcher's own is small); peak heap"
            + " is the");
    line("largest heap occupancy in its GC log (just");
    line(
        "before a collection), and \"after GC\" the largest heap left after one, an upper bound of"
            + " live data.");
    line("");
    line("| Process | Articles | Peak RSS | Peak heap | Max heap after GC |");
    line("| --- | ---: | ---: | ---: | ---: |");
    for (int n : sizes()) {
      memoryRow("index --rebuild (default heap)", n, "index_" + n + "_");
    }
    for (int n : sizes()) {
      if (has("server_" + n + "_rss_mb")) {
        memoryRow("serve -Xmx" + get("server_heap") + ", after all loads", n, "server_" + n + "_");
      }
    }
    line("");
  }

  private int[] sizes() {
    return Arrays.stream(get("sizes").trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
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
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
  }

  private void row(String name, String value) {
    line("| " + name + " | " + value + " |");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
