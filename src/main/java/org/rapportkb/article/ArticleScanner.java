package org.rapportkb.article;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rapportkb.check.Problem;

/** Lists the article files under the articles folder, ignoring editors' temporary files. */
public final class ArticleScanner {
  private ArticleScanner() {}

  /** What a scan found: the article files in path order, and problems with their names. */
  public record Scan(List<ArticleFile> files, List<Problem> problems) {}

  /** Whether a file name is one an editor writes while saving, never an article. */
  public static boolean isTemporary(String fileName) {
    return fileName.startsWith(".")
        || fileName.startsWith("#")
        || fileName.endsWith("~")
        || fileName.endsWith(".swp")
        || fileName.endsWith(".swx")
        || fileName.endsWith(".tmp")
        || fileName.endsWith(".part");
  }

  /** Whether a path names an article file by its name alone (the file need not exist). */
  public static boolean isArticleName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".md") && !isTemporary(name);
  }

  public static Scan scan(Path root) throws IOException {
    List<ArticleFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      throw new IOException("articles folder not found: " + root);
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root, 32, new FileVisitOption[0])) {
      paths =
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .filter(p -> !isHidden(root, p))
              .filter(ArticleScanner::isArticleName)
              .sorted()
              .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Map<String, String> seen = new HashMap<>();
    for (Path file : paths) {
      String relative = relative(root, file);
      String name = file.getFileName().toString();
      String slug = name.substring(0, name.length() - ".md".length());
      if (!Slugs.isValid(slug)) {
        problems.add(
            Problem.error(
                relative,
                1,
                "file name must be a slug: lowercase letters, digits and '-' (try '"
                    + Slugs.fromTitle(slug)
                    + ".md')"));
        continue;
      }
      String first = seen.putIfAbsent(slug, relative);
      if (first != null) {
        problems.add(Problem.error(relative, 1, "slug '" + slug + "' is already used by " + first));
        continue;
      }
      files.add(new ArticleFile(slug, file, relative));
    }
    return new Scan(List.copyOf(files), List.copyOf(problems));
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
