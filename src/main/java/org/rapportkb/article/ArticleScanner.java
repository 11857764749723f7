package org.rapportkb.article;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapportkb.check.Problem;

/**
 * Lists the article files under the articles folder, checking their names are unique slugs.
 *
 * <p>The walk follows the {@link FolderWalk} rules.
 */
public final class ArticleScanner {
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
      String slug = ArticleFile.slugOf(file.getFileName().toString());
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
   * tree that reads each entry's attributes once.
   */
  private static List<Path> articleFiles(Path root, int limit) throws IOException {
    List<Path> paths = new ArrayList<>();
    new FolderWalk(root) {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile() && isArticleName(file)) {
          paths.add(file);
        }
        return paths.size() < limit ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
      }
    }.walk(root);
    paths.sort(null);
    return paths;
  }
}
