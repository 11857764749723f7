package org.rapportkb.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.ArticleScanner;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.config.ConfigException;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.json.Json;

/**
 * Writes a corpus as the engine reads it, one JSON object per line, so that every system of the
 * benchmark indexes the same fields of the same articles: slug, title, aliases, summary, tags,
 * category, level and the body's plain text (what the engine indexes and draws snippets from).
 * Drafts are left out, as the engine leaves them out of search.
 *
 * <pre>
 * CorpusExport --articles DIR --config DIR --out FILE.jsonl
 * </pre>
 */
public final class CorpusExport {
  /** One article, in the fields every system indexes. */
  record Doc(
      String slug,
      String title,
      List<String> aliases,
      String summary,
      List<String> tags,
      String category,
      String level,
      String body) {}

  private CorpusExport() {}

  public static void main(String[] args) throws IOException, ConfigException {
    Path articles = null;
    Path config = Path.of("index-config");
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Path.of(args[++i]);
        case "--config" -> config = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (articles == null || out == null) {
      throw new IllegalArgumentException(
          "usage: CorpusExport --articles DIR [--config DIR] --out FILE.jsonl");
    }
    long start = System.nanoTime();
    List<Doc> docs = read(articles, ConfigLoader.load(config));
    write(docs, out);
    System.out.printf(
        "exported %,d articles to %s in %.1f s%n",
        docs.size(), out, (System.nanoTime() - start) / 1e9);
  }

  /** Every valid, published article under {@code folder}, parsed by the engine, by slug. */
  static List<Doc> read(Path folder, KbConfig config) throws IOException {
    ArticleScanner.Scan scan = ArticleScanner.scan(folder);
    Set<String> slugs = scan.slugs();
    ArticleParser parser = new ArticleParser(new MarkdownRenderer(), config.curriculum());
    return scan.files().parallelStream()
        .map(
            file -> {
              try {
                return parser.parse(file, Files.readAllBytes(file.file()), slugs).article();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .flatMap(Optional::stream)
        .filter(article -> !article.meta().draft())
        .map(CorpusExport::doc)
        .sorted(Comparator.comparing(Doc::slug))
        .toList();
  }

  private static Doc doc(Article article) {
    var meta = article.meta();
    return new Doc(
        article.slug(),
        meta.title(),
        meta.aliases(),
        meta.summary(),
        meta.tags(),
        meta.category(),
        meta.level().slug(),
        article.body().text());
  }

  /** Writes {@code docs} as JSON lines, beside first and then moved into place. */
  static void write(List<Doc> docs, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = parent.resolve(out.getFileName() + ".partial");
    ObjectWriter writer = Json.MAPPER.writer();
    try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      for (Doc doc : docs) {
        w.write(writer.writeValueAsString(doc));
        w.write('\n');
      }
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Reads a file {@link #write} wrote. */
  static List<Doc> readJsonl(Path file) throws IOException {
    List<Doc> docs = new ArrayList<>();
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (!line.isBlank()) {
          docs.add(Json.MAPPER.readValue(line, Doc.class));
        }
      }
    }
    return docs;
  }
}
