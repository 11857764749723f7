package org.rapportkb.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.rapportkb.KnowledgeBase;

/**
 * Article folders and config folders for reliability tests, made from the project's real {@code
 * articles/} and {@code index-config/}: exact copies, or many variants with unique slugs and a
 * unique marker word each.
 */
final class TestCorpus {
  static final Path ARTICLES = Path.of("articles");
  static final Path CONFIG = Path.of("index-config");

  private TestCorpus() {}

  /** The real article files, in path order. */
  static List<Path> realArticles() {
    try (Stream<Path> walk = Files.walk(ARTICLES)) {
      return walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the real articles folder (sub-folders included) to {@code target}. */
  static Path copyArticles(Path target) throws IOException {
    copyTree(ARTICLES, target);
    return target;
  }

  /** Copies the real config folder to {@code target}, with search by meaning off. */
  static Path copyConfig(Path target) throws IOException {
    copyTree(CONFIG, target);
    // NOTE: these tests time signals, crashes and loads against the word index; embedding hundreds
    // of variant articles in the background would only make their timings depend on the host.
    // Search by meaning has its own tests (org.rapportkb.semantic).
    Files.writeString(target.resolve("semantic.yml"), "enabled: false\n", StandardCharsets.UTF_8);
    return target;
  }

  /** Copies the real config folder to {@code target} with {@code limits.yml} replaced. */
  static Path copyConfig(Path target, String limitsYaml) throws IOException {
    copyConfig(target);
    Files.writeString(target.resolve("limits.yml"), limitsYaml, StandardCharsets.UTF_8);
    return target;
  }

  /** Paths for an engine over {@code articles} and {@code config}, indexing into {@code index}. */
  static KnowledgeBase.Paths paths(Path articles, Path config, Path index) {
    return new KnowledgeBase.Paths(articles, config, index);
  }

  /**
   * Writes {@code count} valid variants of the real articles under {@code dir}, spread over one
   * sub-folder per category; variant {@code i} has the slug {@link #variantSlug} and the word
   * {@link #marker(int)} in its summary, which no other article contains.
   */
  static List<String> generate(Path dir, int count) throws IOException {
    return generate(dir, 0, count);
  }

  /** Like {@link #generate(Path, int)}, numbering variants from {@code first}. */
  static List<String> generate(Path dir, int first, int count) throws IOException {
    return generateFiles(dir, first, count).stream().map(TestCorpus::slugOf).toList();
  }

  /** Like {@link #generate(Path, int, int)}, returning the files written. */
  static List<Path> generateFiles(Path dir, int first, int count) throws IOException {
    List<Path> sources = realArticles();
    List<String> texts = new ArrayList<>();
    for (Path source : sources) {
      texts.add(Files.readString(source, StandardCharsets.UTF_8));
    }
    List<Path> files = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      int pick = i % sources.size();
      String baseSlug = slugOf(sources.get(pick));
      String slug = variantSlug(baseSlug, i);
      Path folder = dir.resolve(sources.get(pick).getParent().getFileName().toString());
      Files.createDirectories(folder);
      Path file = folder.resolve(slug + ".md");
      Files.writeString(file, variant(texts.get(pick), i), StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  static String variantSlug(String baseSlug, int i) {
    return baseSlug + "-v" + i;
  }

  /** A word that occurs only in variant {@code i}. */
  static String marker(int i) {
    return "zqmark" + i + "x";
  }

  /**
   * The text of a real article turned into variant {@code i}: a numbered title, a marker word in
   * the summary, and no {@code related} list (so that variants stand alone).
   */
  static String variant(String text, int i) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    boolean inFrontMatter = false;
    int fences = 0;
    for (String line : text.split("\n", -1)) {
      if (fences < 2 && line.strip().equals("---")) {
        fences++;
        inFrontMatter = fences == 1;
      } else if (inFrontMatter && line.startsWith("related:")) {
        continue;
      } else if (inFrontMatter && line.startsWith("title:")) {
        line = line + " variant " + i;
      } else if (inFrontMatter && line.startsWith("summary:")) {
        line = line + " Marker " + marker(i) + ".";
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  static String slugOf(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".md".length());
  }

  /**
   * The slugs of the article files under {@code dir}, worked out independently of the engine:
   * regular {@code .md} files whose name and folders do not start with a dot or {@code #}.
   */
  static Set<String> slugsOnDisk(Path dir) throws IOException {
    Set<String> slugs = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        Path relative = dir.relativize(file);
        boolean hidden = false;
        for (Path part : relative) {
          hidden |= part.toString().startsWith(".") || part.toString().startsWith("#");
        }
        if (!hidden && Files.isRegularFile(file) && file.toString().endsWith(".md")) {
          slugs.add(slugOf(file));
        }
      }
    }
    return slugs;
  }

  /** A minimal valid article with the given front matter lines (between the fences) and body. */
  static String article(String frontMatter, String body) {
    return "---\n" + frontMatter.strip() + "\n---\n\n" + body;
  }

  /** The first practice item of {@link #sections}, for tests that replace it. */
  static final String FIRST_PRACTICE_ITEM =
      """
      1. **Beginner.** "I had a long day."
         - Response: "You're worn out."
         - Response: "It sounds like today took a lot out of you."
      """;

  /** The seven sections CONTRACT.md asks for, each with one plain sentence. */
  static String sections(String extraInExample) {
    return """
        ## What it is

        A plain paragraph about listening.

        ## Why it matters

        It helps the client feel heard.

        ## How to do it

        1. Listen.

        ## Example

        %s

        ## Common pitfalls

        - Rushing.

        ## Practice

        Criteria:

        - Reflects the feeling
        - Is short
        - Gives no advice

        1. **Beginner.** "I had a long day."
           - Response: "You're worn out."
           - Response: "It sounds like today took a lot out of you."

        2. **Intermediate.** "Work is fine, I guess, it's just a lot."
           - Response: "Fine, and also a lot."
           - Response: "You're coping, and it's heavy."

        3. **Advanced.** "Why do you even care?"
           - Response: "You're not sure anyone here really does."
           - Response: "It's hard to trust that this matters to me."

        ## Sources

        - A book.
        """
        .formatted(extraInExample);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** Deletes a folder and everything in it. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
