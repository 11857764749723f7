package org.rapportkb.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times what a user of the server feels, from outside, over HTTP on the loopback interface.
 *
 * <pre>
 * ServerProbe startup   --runs N --log FILE -- COMMAND...   start the server N times; time to
 *                                                          "ready" and to the first search
 * ServerProbe freshness --url URL --articles DIR --runs N  save a new article N times; time until
 *                                                          a search finds it, then until it is gone
 * ServerProbe sample --url URL --path P --queries FILE      send the first N varied queries one at
 *                    [--count N] [--key K]                 a time; what the answers hold
 * ServerProbe passages --index DIR                         count the passages (with vectors) and
 *                                                          articles in an index
 * </pre>
 *
 * Each prints one line per run and a final {@code key=value} line for the report.
 */
public final class ServerProbe {
  private static final Pattern URL = Pattern.compile("https?://[^\\s/]+:\\d+");
  private static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final long POLL_NANOS = 2_000_000;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ServerProbe startup|freshness ...");
    }
    ServerProbe probe = new ServerProbe();
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "startup" -> probe.startup(rest);
      case "freshness" -> probe.freshness(rest);
      case "sample" -> probe.sample(rest);
      case "passages" -> passages(rest);
      default -> throw new IllegalArgumentException("unknown probe " + args[0]);
    }
  }

  private void startup(String[] args) throws Exception {
    int runs = 3;
    Path log = Path.of("server-startup.log");
    int dashes = Arrays.asList(args).indexOf("--");
    for (int i = 0; i < dashes; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--log" -> log = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> command = List.of(Arrays.copyOfRange(args, dashes + 1, args.length));
    List<Double> ready = new ArrayList<>();
    List<Double> firstSearch = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      Process server =
          new ProcessBuilder(command)
              .redirectError(
                  ProcessBuilder.Redirect.appendTo(
                      log.resolveSibling(log.getFileName() + ".err").toFile()))
              .start();
      try {
        String url = awaitUrl(server, log);
        double readyMs = (System.nanoTime() - start) / 1e6;
        HttpResponse<String> response = get(url + "/api/search?q=empathy");
        double searchMs = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200 || !response.body().contains("\"hits\"")) {
          throw new IOException("first search answered " + response.statusCode());
        }
        ready.add(readyMs);
        firstSearch.add(searchMs);
        System.out.printf(
            "run %d: ready after %.0f ms, first search answered after %.0f ms%n",
            run, readyMs, searchMs);
      } finally {
        stop(server);
      }
    }
    System.out.printf(
        "startup_ready_ms=%.0f startup_first_search_ms=%.0f startup_first_search_max_ms=%.0f%n",
        median(ready), median(firstSearch), max(firstSearch));
  }

  /** Reads the server's standard output until the line with its address, as the contract says. */
  private String awaitUrl(Process server, Path log) throws IOException {
    var lines =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = lines.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher url = URL.matcher(line);
      if (url.find()) {
        Files.writeString(log, seen, StandardCharsets.UTF_8);
        Thread drain = new Thread(() -> drain(lines), "drain");
        drain.setDaemon(true);
        drain.start();
        return url.group();
      }
    }
    Files.writeString(log, seen, StandardCharsets.UTF_8);
    throw new IOException("the server exited before it was ready; see " + log);
  }

  /** Reads the server's output until it ends, so that the server never blocks on a full pipe. */
  private static void drain(BufferedReader lines) {
    try {
      lines.lines().forEach(line -> {});
    } catch (java.io.UncheckedIOException e) {
      // The server was stopped and its output closed.
    }
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
  }

  private void freshness(String[] args) throws Exception {
    String url = null;
    Path articles = null;
    int runs = 5;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--articles" -> articles = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (url == null || articles == null) {
      throw new IllegalArgumentException("freshness needs --url and --articles");
    }
    Path folder = articles.resolve("empathy");
    Files.createDirectories(folder);
    List<Double> found = new ArrayList<>();
    List<Double> gone = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      String word =
          "freshprobe" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "x" + run;
      String slug = "freshness-probe-" + word;
      Path file = folder.resolve(slug + ".md");
      Path temporary = folder.resolve("." + slug + ".md.tmp");
      Files.writeString(temporary, article(word), StandardCharsets.UTF_8);
      long saved = System.nanoTime();
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      double foundMs = awaitSearch(url, word, slug, true, saved);
      long deleted = System.nanoTime();
      Files.delete(file);
      double goneMs = awaitSearch(url, word, slug, false, deleted);
      found.add(foundMs);
      gone.add(goneMs);
      System.out.printf(
          "run %d: found %.0f ms after saving, gone %.0f ms after deleting%n",
          run, foundMs, goneMs);
      Thread.sleep(500);
    }
    System.out.printf(
        "fresh_found_ms=%.0f fresh_found_max_ms=%.0f fresh_gone_ms=%.0f%n",
        median(found), max(found), median(gone));
  }

  /**
   * Sends the first queries of a varied-queries file one at a time, as a check that a system
   * answers them as a search should: how many articles the answers report, how many answers find
   * nothing, how many hits carry a snippet with a marked match, and the median time of one request
   * alone. Every system answers JSON with {@code total} and {@code hits[].snippet}.
   */
  private void sample(String[] args) throws Exception {
    String url = null;
    String path = "/api/search";
    Path file = null;
    int count = 200;
    String key = "sample";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--path" -> path = args[++i];
        case "--queries" -> file = Path.of(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i]);
        case "--key" -> key = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (url == null || file == null) {
      throw new IllegalArgumentException("sample needs --url and --queries");
    }
    List<org.rapportkb.search.SearchRequest> queries = VariedQueries.readQueries(file);
    long totals = 0;
    int zero = 0;
    int hits = 0;
    int marked = 0;
    int failed = 0;
    List<Double> times = new ArrayList<>();
    int n = Math.min(count, queries.size());
    for (int i = 0; i < n; i++) {
      var query = queries.get(i);
      String request =
          url
              + path
              + "?q="
              + URLEncoder.encode(query.query(), StandardCharsets.UTF_8)
              + (query.category() == null ? "" : "&category=" + query.category());
      long start = System.nanoTime();
      HttpResponse<String> response = get(request);
      times.add((System.nanoTime() - start) / 1e6);
      if (response.statusCode() != 200) {
        failed++;
        continue;
      }
      var json = org.rapportkb.json.Json.MAPPER.readTree(response.body());
      long total = json.path("total").asLong();
      totals += total;
      zero += total == 0 ? 1 : 0;
      for (var hit : json.path("hits")) {
        hits++;
        marked += hit.path("snippet").asText("").contains("<mark>") ? 1 : 0;
      }
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "%1$s_queries=%2$d %1$s_failed=%3$d %1$s_mean_total=%4$.0f %1$s_zero_pct=%5$.1f"
            + " %1$s_hits_per_query=%6$.1f %1$s_marked_pct=%7$.0f %1$s_serial_ms=%8$.2f%n",
        key,
        n,
        failed,
        (double) totals / Math.max(1, n - failed),
        100.0 * zero / Math.max(1, n - failed),
        (double) hits / Math.max(1, n - failed),
        100.0 * marked / Math.max(1, hits),
        median(times));
  }

  /** Counts the passage and article documents of an index, as the engine marks them. */
  private static void passages(String[] args) throws IOException {
    if (args.length != 2 || !args[0].equals("--index")) {
      throw new IllegalArgumentException("usage: ServerProbe passages --index DIR");
    }
    try (var directory = org.apache.lucene.store.FSDirectory.open(Path.of(args[1]));
        var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
      var searcher = new org.apache.lucene.search.IndexSearcher(reader);
      int passages = searcher.count(kind(org.rapportkb.index.IndexFields.PASSAGE));
      int articles = searcher.count(kind(org.rapportkb.index.IndexFields.ARTICLE));
      System.out.println("passages=" + passages + " articles=" + articles);
    }
  }

  private static org.apache.lucene.search.Query kind(String kind) {
    return new org.apache.lucene.search.TermQuery(
        new org.apache.lucene.index.Term(org.rapportkb.index.IndexFields.KIND, kind));
  }

  private double awaitSearch(String url, String word, String slug, boolean present, long since)
      throws Exception {
    String query = url + "/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8);
    long deadline = since + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(query);
      boolean hit =
          response.statusCode() == 200 && response.body().contains("\"slug\":\"" + slug + "\"");
      if (hit == present) {
        return (System.nanoTime() - since) / 1e6;
      }
      long next = System.nanoTime() + POLL_NANOS;
      while (System.nanoTime() < next) {
        Thread.onSpinWait();
      }
    }
    throw new IOException(
        "'" + slug + "' was not " + (present ? "found" : "removed") + " within " + GIVE_UP);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String article(String word) {
    return """
    ---
    title: "Freshness probe %s"
    summary: "A short article saved while the server runs, to time how soon search finds it."
    category: empathy
    level: foundation
    tags: [empathy]
    ---

    ## What it is

    The word %s appears only in this article, so a search for it finds this article alone.

    ## Why it matters

    Trainers expect an edit to show at once.

    ## How to do it

    1. Save the file.
    2. Search for the word.

    ## Example

    **Client:** Is it there yet?

    **Counselor:** You want to see it right away.

    ## Common pitfalls

    - Waiting for a rebuild. Instead, save and search.

    ## Practice

    Criteria:

    - Reflects the wish
    - Is short
    - Gives no advice

    1. **Beginner.** "Is it there yet?"
       - Response: "You want to see it right away."
       - Response: "Waiting is the hard part."

    2. **Intermediate.** "I saved it twice. Maybe it's broken."
       - Response: "You've done your part and it still isn't showing."
       - Response: "You're starting to doubt it works."

    3. **Advanced.** "Nothing I write ever shows up."
       - Response: "It feels like your work disappears."
       - Response: "You're tired of writing into a void."

    ## Sources

    - rapport-kb benchmark suite.
    """
        .formatted(word, word);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
