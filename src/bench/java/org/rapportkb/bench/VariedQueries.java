package org.rapportkb.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rapportkb.bench.CorpusExport.Doc;
import org.rapportkb.config.ConfigException;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.search.SearchRequest;

/**
 * Writes a seeded sequence of distinct search queries, and one of search-as-you-type prefixes, from
 * a corpus, for every system of the benchmark to send in the same order.
 *
 * <pre>
 * VariedQueries (--export FILE.jsonl | --articles DIR) [--config DIR] --queries OUT --prefixes OUT
 *               [--count 10000] [--prefix-count 3000] [--seed 42]
 * </pre>
 *
 * <p>A query is one to three words drawn from the articles' words (title, aliases, summary, tags
 * and body), each word as likely as it is frequent in the corpus, stop words left out (the config's
 * {@code stopwords.txt} and common English function words); a fifth of the two-word queries are
 * instead two words that stand next to each other in an article ("open questions"). One query in
 * five is filtered by a category of the corpus, chosen as often as the corpus uses it. A prefix is
 * the first 2 to 6 letters of a word of an article's title.
 *
 * <p>Queries file: comment lines start with {@code #}; every other line is {@code
 * WORDS<TAB>CATEGORY}, the category empty when there is no filter. Prefixes file: one per line. The
 * same corpus and seed give the same bytes.
 */
public final class VariedQueries {
  private static final Pattern WORD = Pattern.compile("[a-z]+");

  /** Common English function words, beside the config's stop words. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "any",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "can",
          "could",
          "did",
          "does",
          "doing",
          "don",
          "down",
          "during",
          "each",
          "even",
          "few",
          "from",
          "further",
          "had",
          "has",
          "have",
          "having",
          "here",
          "hers",
          "herself",
          "himself",
          "its",
          "itself",
          "may",
          "might",
          "more",
          "most",
          "much",
          "must",
          "myself",
          "need",
          "never",
          "nor",
          "not",
          "now",
          "off",
          "once",
          "one",
          "only",
          "other",
          "ought",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "same",
          "shall",
          "should",
          "some",
          "still",
          "than",
          "themselves",
          "those",
          "through",
          "too",
          "under",
          "until",
          "upon",
          "very",
          "were",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "whose",
          "why",
          "would",
          "yet",
          "yours",
          "yourself",
          "yourselves",
          "isn",
          "aren",
          "wasn",
          "doesn",
          "didn",
          "won",
          "let",
          "get",
          "got",
          "like",
          "way",
          "without",
          "within",
          "another",
          "every",
          "many",
          "often",
          "something",
          "anything",
          "nothing",
          "really");

  /** Weighted choice among values: each is as likely as its count. */
  private record Weighted(List<String> values, long[] cumulative) {
    static Weighted of(Map<String, Long> counts) {
      List<String> values = new ArrayList<>(counts.size());
      long[] cumulative = new long[counts.size()];
      long sum = 0;
      int i = 0;
      for (var entry : new TreeMap<>(counts).entrySet()) {
        values.add(entry.getKey());
        sum += entry.getValue();
        cumulative[i++] = sum;
      }
      return new Weighted(values, cumulative);
    }

    String pick(SplittableRandom random) {
      long r = random.nextLong(cumulative[cumulative.length - 1]);
      int low = 0;
      int high = cumulative.length - 1;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (cumulative[mid] > r) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return values.get(low);
    }
  }

  private VariedQueries() {}

  public static void main(String[] args) throws IOException, ConfigException {
    Path export = null;
    Path articles = null;
    Path config = Path.of("index-config");
    Path queriesOut = null;
    Path prefixesOut = null;
    int count = 10_000;
    int prefixCount = 3_000;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--export" -> export = Path.of(args[++i]);
        case "--articles" -> articles = Path.of(args[++i]);
        case "--config" -> config = Path.of(args[++i]);
        case "--queries" -> queriesOut = Path.of(args[++i]);
        case "--prefixes" -> prefixesOut = Path.of(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
        case "--prefix-count" ->
            prefixCount = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if ((export == null) == (articles == null) || queriesOut == null || prefixesOut == null) {
      throw new IllegalArgumentException(
          "usage: VariedQueries (--export FILE.jsonl | --articles DIR) [--config DIR]"
              + " --queries OUT --prefixes OUT [--count N] [--prefix-count N] [--seed S]");
    }
    List<Doc> docs =
        export != null
            ? CorpusExport.readJsonl(export)
            : CorpusExport.read(articles, ConfigLoader.load(config));
    Set<String> stop = stopWords(config.resolve("stopwords.txt"));
    VariedQueries.Sets sets = generate(docs, stop, count, prefixCount, seed);
    write(
        queriesOut,
        header(docs.size(), seed, "WORDS<TAB>CATEGORY (empty: no filter)"),
        sets.queries());
    write(prefixesOut, header(docs.size(), seed, "PREFIX"), sets.prefixes());
    System.out.printf(
        Locale.ROOT,
        "%,d distinct queries (%,d filtered by category) to %s; %,d distinct prefixes to %s%n",
        sets.queries().size(),
        sets.queries().stream().filter(q -> !q.endsWith("\t")).count(),
        queriesOut,
        sets.prefixes().size(),
        prefixesOut);
  }

  /** The queries, as {@code WORDS<TAB>CATEGORY} lines, and the prefixes. */
  record Sets(List<String> queries, List<String> prefixes) {}

  static Sets generate(List<Doc> docs, Set<String> stop, int count, int prefixCount, long seed) {
    Map<String, Long> words = new TreeMap<>();
    Map<String, Long> pairs = new TreeMap<>();
    Map<String, Long> categories = new TreeMap<>();
    List<List<String>> titleWords = new ArrayList<>(docs.size());
    for (Doc doc : docs) {
      categories.merge(doc.category(), 1L, Long::sum);
      String text =
          String.join(
              " \n ",
              doc.title(),
              String.join(" \n ", doc.aliases()),
              doc.summary(),
              String.join(" \n ", doc.tags()).replace('-', ' '),
              doc.body());
      String previous = null;
      // Adjacent means next to each other in the text: a stop word, a short word or a line break
      // between two words breaks the pair.
      for (String token : tokens(text)) {
        if (token.equals("\n") || !content(token, stop)) {
          previous = null;
          continue;
        }
        words.merge(token, 1L, Long::sum);
        if (previous != null && !previous.equals(token)) {
          pairs.merge(previous + " " + token, 1L, Long::sum);
        }
        previous = token;
      }
      List<String> title = new ArrayList<>();
      Matcher m = WORD.matcher(doc.title().toLowerCase(Locale.ROOT));
      while (m.find()) {
        if (m.group().length() >= 2 && !stop.contains(m.group())) {
          title.add(m.group());
        }
      }
      titleWords.add(title);
    }
    Weighted wordChoice = Weighted.of(words);
    Weighted pairChoice = Weighted.of(pairs);
    Weighted categoryChoice = Weighted.of(categories);
    SplittableRandom random = new SplittableRandom(seed);

    Set<String> queries = new LinkedHashSet<>();
    for (long attempt = 0; queries.size() < count && attempt < 100L * count; attempt++) {
      double shape = random.nextDouble();
      Set<String> query = new LinkedHashSet<>();
      if (shape < 0.35) {
        query.add(wordChoice.pick(random));
      } else if (shape < 0.60) {
        query.add(wordChoice.pick(random));
        query.add(wordChoice.pick(random));
      } else if (shape < 0.80) {
        query.add(pairChoice.pick(random));
      } else {
        query.add(wordChoice.pick(random));
        query.add(wordChoice.pick(random));
        query.add(wordChoice.pick(random));
      }
      String category = random.nextInt(5) == 0 ? categoryChoice.pick(random) : "";
      queries.add(String.join(" ", query) + "\t" + category);
    }

    Set<String> prefixes = new LinkedHashSet<>();
    Set<String> seen = new HashSet<>();
    for (long attempt = 0;
        prefixes.size() < prefixCount && attempt < 50L * prefixCount;
        attempt++) {
      List<String> title = titleWords.get(random.nextInt(titleWords.size()));
      if (title.isEmpty()) {
        continue;
      }
      String word = title.get(random.nextInt(title.size()));
      int length = 2 + random.nextInt(Math.min(6, word.length()) - 1);
      String prefix = word.substring(0, length);
      if (seen.add(prefix)) {
        prefixes.add(prefix);
      }
    }
    return new Sets(List.copyOf(queries), List.copyOf(prefixes));
  }

  /** The queries of a file {@link #main} wrote, as the engine requests the server would make. */
  static List<SearchRequest> readQueries(Path file) throws IOException {
    List<SearchRequest> requests = new ArrayList<>();
    for (String line : lines(file)) {
      int tab = line.indexOf('\t');
      String words = tab < 0 ? line : line.substring(0, tab);
      String category = tab < 0 ? "" : line.substring(tab + 1).strip();
      requests.add(
          new SearchRequest(words, category.isEmpty() ? null : category, null, null, 1, 10, false));
    }
    return requests;
  }

  /** The prefixes of a file {@link #main} wrote. */
  static List<String> readPrefixes(Path file) throws IOException {
    return lines(file);
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .toList();
    if (lines.isEmpty()) {
      throw new IOException("no line in " + file);
    }
    return lines;
  }

  /** The lower-cased words of {@code text}, and "\n" where a line or field ends. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    for (String line : text.toLowerCase(Locale.ROOT).split("\n")) {
      Matcher m = WORD.matcher(line);
      while (m.find()) {
        tokens.add(m.group());
      }
      tokens.add("\n");
    }
    return tokens;
  }

  private static boolean content(String word, Set<String> stop) {
    return word.length() >= 3 && !stop.contains(word);
  }

  static Set<String> stopWords(Path file) throws IOException {
    Set<String> stop = new HashSet<>(FUNCTION_WORDS);
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty() && !word.startsWith("#")) {
          stop.add(word);
          // "i'm" is split into "i" and "m" by the word pattern.
          WORD.matcher(word).results().forEach(r -> stop.add(r.group()));
        }
      }
    }
    return stop;
  }

  private static String header(int articles, long seed, String format) {
    return String.format(
        Locale.ROOT,
        "# Generated by VariedQueries from %,d articles, seed %d. One line each: %s.%n",
        articles,
        seed,
        format);
  }

  private static void write(Path out, String header, List<String> lines) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = parent.resolve(out.getFileName() + ".partial");
    try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      w.write(header);
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
  }
}
