package org.rapportkb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.rapportkb.article.ArticleFile;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.ArticleScanner;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.article.Slugs;
import org.rapportkb.bench.SourceCorpus.Source;
import org.rapportkb.check.Problem;
import org.rapportkb.config.ConfigException;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.index.Indexer;

/**
 * Writes a seeded, reproducible corpus of N valid articles learned from the real ones.
 *
 * <pre>
 * CorpusGenerator --source articles --config index-config --out DIR --count N [--seed S] [--verify]
 * </pre>
 *
 * <p>Titles combine a technique's name (a real title or alias) with a setting and a framing, so
 * they are varied and unique; every {@code related} slug names another generated article. With
 * {@code --verify} each file is parsed by the engine afterwards and any error or warning fails the
 * run.
 */
public final class CorpusGenerator {
  private static final List<String> SETTINGS =
      List.of(
          "",
          "with adolescents",
          "with older adults",
          "with couples",
          "with families",
          "in group work",
          "in telehealth sessions",
          "in a first session",
          "in school counseling",
          "on a crisis line",
          "in primary care",
          "in addiction treatment",
          "with mandated clients",
          "with grieving clients",
          "with anxious clients",
          "with clients in crisis",
          "with veterans",
          "with refugees",
          "across cultures",
          "through an interpreter",
          "in short sessions",
          "in supervision",
          "with children and parents",
          "in inpatient care",
          "in college counseling",
          "with clients who self-harm",
          "with angry clients",
          "with quiet clients",
          "with talkative clients",
          "in career counseling",
          "in peer support",
          "after a missed session",
          "near the end of therapy",
          "in the middle phase of therapy",
          "with trauma survivors",
          "with clients who use substances",
          "with chronic pain",
          "in community mental health",
          "in private practice",
          "in residential programs",
          "with people experiencing homelessness",
          "in hospice care",
          "with new parents",
          "with LGBTQ+ clients",
          "in workplace counseling",
          "in forensic settings",
          "on video and phone",
          "by text and chat",
          "with deaf clients",
          "with clients with eating disorders",
          "with clients with depression",
          "in motivational interviewing",
          "in solution-focused work",
          "in cognitive behavioral therapy",
          "in person-centered practice",
          "in psychiatric emergencies",
          "with reluctant teenagers",
          "with perfectionists",
          "with caregivers",
          "in rural practice");
  private static final List<String> FRAMINGS =
      List.of(
          "",
          ": a worked example",
          ": step by step",
          ": common questions",
          ": a short guide",
          ": practice drills",
          ": case notes",
          ": what to say",
          ": what to avoid",
          ": for beginners",
          ": in depth",
          ": a checklist",
          ": supervision notes",
          ": role-play script",
          ": trainer's notes",
          ": quick reference");
  private static final int MAX_TITLE = 200;

  private final SourceCorpus corpus;
  private final ArticleWriter writer;
  private final long seed;

  CorpusGenerator(SourceCorpus corpus, long seed) {
    this.corpus = corpus;
    this.writer = new ArticleWriter(corpus);
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException, ConfigException {
    Path source = Path.of("articles");
    Path config = Path.of("index-config");
    Path out = null;
    int count = 1000;
    long seed = 42;
    boolean verify = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--source" -> source = Path.of(args[++i]);
        case "--config" -> config = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--verify" -> verify = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null || count < 1) {
      System.err.println(
          "usage: CorpusGenerator --out DIR --count N [--seed S] [--source DIR] [--config DIR]"
              + " [--verify]");
      System.exit(2);
    }
    KbConfig kbConfig = ConfigLoader.load(config);
    long start = System.nanoTime();
    CorpusGenerator generator = new CorpusGenerator(SourceCorpus.read(source, kbConfig), seed);
    int written = generator.write(out, count);
    System.out.printf(
        "wrote %,d articles to %s in %.1f s (seed %d)%n",
        written, out, (System.nanoTime() - start) / 1e9, seed);
    if (verify) {
      List<Problem> problems = verify(out, kbConfig);
      problems.stream().limit(20).forEach(System.err::println);
      if (!problems.isEmpty()) {
        System.err.printf("%,d problems in the generated articles%n", problems.size());
        System.exit(1);
      }
      System.out.printf("verified: all %,d articles are valid, with no warning%n", written);
    }
  }

  /** Writes {@code count} articles under {@code out/<category>/}; returns how many. */
  int write(Path out, int count) throws IOException {
    if (Files.exists(out) && !isEmpty(out)) {
      throw new IOException(out + " is not empty; generate into a new folder");
    }
    List<ArticleWriter.Spec> specs = specs(count);
    for (ArticleWriter.Spec spec : specs) {
      Files.createDirectories(out.resolve(spec.source().article().meta().category()));
    }
    AtomicInteger written = new AtomicInteger();
    IntStream.range(0, specs.size())
        .parallel()
        .forEach(
            i -> {
              ArticleWriter.Spec spec = specs.get(i);
              String text = writer.write(spec, articleSeed(i));
              Path file =
                  out.resolve(spec.source().article().meta().category())
                      .resolve(spec.slug() + ".md");
              try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              written.incrementAndGet();
            });
    return written.get();
  }

  private long articleSeed(int index) {
    return seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1;
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Titles, slugs and links for every article, chosen in one seeded pass. */
  List<ArticleWriter.Spec> specs(int count) {
    List<Name> names = names();
    SplittableRandom random = new SplittableRandom(seed);
    long space = (long) names.size() * SETTINGS.size() * FRAMINGS.size();
    int[] order = permutation(random, (int) Math.min(space, Integer.MAX_VALUE));
    List<String> titles = new ArrayList<>(count);
    List<Name> chosen = new ArrayList<>(count);
    List<String> settings = new ArrayList<>(count);
    Set<String> slugs = new HashSet<>();
    List<String> slugList = new ArrayList<>(count);
    for (int round = 0; titles.size() < count; round++) {
      for (int combo : order) {
        if (titles.size() == count) {
          break;
        }
        Name name = names.get(combo % names.size());
        String setting = SETTINGS.get(combo / names.size() % SETTINGS.size());
        String framing = FRAMINGS.get(combo / names.size() / SETTINGS.size());
        String title = (name.text() + (setting.isEmpty() ? "" : " " + setting) + framing).strip();
        if (round > 0) {
          title = title + " (" + (round + 1) + ")";
        }
        String slug = Slugs.fromTitle(title);
        if (title.length() > MAX_TITLE || !Slugs.isValid(slug) || !slugs.add(slug)) {
          continue;
        }
        titles.add(title);
        chosen.add(name);
        settings.add(setting);
        slugList.add(slug);
      }
    }
    List<ArticleWriter.Spec> specs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Name name = chosen.get(i);
      specs.add(
          new ArticleWriter.Spec(
              i,
              slugList.get(i),
              titles.get(i),
              name.source(),
              alias(random, name, settings.get(i)),
              related(random, i, slugList)));
    }
    return specs;
  }

  /** A technique's name, from a real title or alias, with the article it comes from. */
  private record Name(String text, Source source) {}

  private List<Name> names() {
    List<Name> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Source source : corpus.sources()) {
      List<String> all = new ArrayList<>();
      all.add(source.article().meta().title());
      all.addAll(source.article().meta().aliases());
      for (String text : all) {
        String name = capitalized(text.strip());
        if (seen.add(name.toLowerCase(Locale.ROOT))) {
          names.add(new Name(name, source));
        }
      }
    }
    return names;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String alias(SplittableRandom random, Name name, String setting) {
    if (random.nextDouble() >= 0.4) {
      return null;
    }
    var meta = name.source().article().meta();
    List<String> others = new ArrayList<>(meta.aliases());
    others.add(meta.title());
    others.removeIf(o -> o.equalsIgnoreCase(name.text()));
    if (others.isEmpty()) {
      return null;
    }
    return (ArticleWriter.pick(random, others) + " " + setting).strip();
  }

  private static List<String> related(SplittableRandom random, int self, List<String> slugs) {
    if (slugs.size() < 2) {
      return List.of();
    }
    int wanted = Math.min(slugs.size() - 1, 1 + random.nextInt(4));
    Set<String> related = new java.util.LinkedHashSet<>();
    while (related.size() < wanted) {
      int other = random.nextInt(slugs.size());
      if (other != self) {
        related.add(slugs.get(other));
      }
    }
    return List.copyOf(related);
  }

  private static int[] permutation(SplittableRandom random, int size) {
    int[] order = IntStream.range(0, size).toArray();
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Parses every generated file with the engine; returns every error and warning. */
  static List<Problem> verify(Path out, KbConfig config) throws IOException {
    ArticleFolder folder =
        new ArticleFolder(out, new ArticleParser(new MarkdownRenderer(), config.curriculum()));
    ArticleScanner.Scan scan = folder.scan();
    List<Problem> problems =
        java.util.Collections.synchronizedList(new ArrayList<>(scan.problems()));
    folder.forEach(
        scan,
        Runtime.getRuntime().availableProcessors(),
        found -> problems.addAll(found.read().problems()));
    return List.copyOf(problems);
  }
}
