package org.rapportkb.article;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapportkb.check.Problem;

/** Lists the article files under the articles folder, ignoring editors' temporary files. */
public final class ArticleScanner {
  /** How deep folders may nest under the articles folder. */
  private static final int MAX_DEPTH = 32;

  private ArticleScanner() {}

  /** What a scan found: the article files in path order, and problems with their names. */
  public record Scan(List<ArticleFile> files, List<Problem> problems) {
    /** The slugs of {@link #files}. */
    public Set<String> slugs() {
      Set<String> slugs = new HashSet<>();
      files.forEach(file -> slugs.add(file.slug()));
      return slugs;
    }
  }

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
    return scan(root, Integer.MAX_VALUE);
  }

  /**
   * Like {@link #scan}, but the walk stops at the first {@code limit} article files it meets (in
   * walk order, not the first in path order); for work that needs a few articles, not all.
   */
  public static Scan sample(Path root, int limit) throws IOException {
    return scan(root, limit);
  }

  private static Scan scan(Path root, int limit) throws IOException {
    List<ArticleFile> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      throw new IOException("articles folder not found: " + root);
    }
    List<Path> paths = articleFiles(root, limit);
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

  /**
   * The article files under {@code root}, at most {@code limit}, in path order: one pass over the
   * tree that reads each entry's attributes once, and does not enter hidden folders.
   */
  private static List<Path> articleFiles(Path root, int limit) throws IOException {
    List<Path> paths = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.noneOf(FileVisitOption.class),
        MAX_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && isArticleName(file)) {
              paths.add(file);
            }
            return paths.size() < limit ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
          }
        });
    paths.sort(null);
    return paths;
  }
}
