package org.rapportkb.index;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.rapportkb.article.ArticleFile;
import org.rapportkb.check.Problem;

/**
 * The article files whose latest save cannot be published, with their errors, as one sync found
 * them. An article that was published before keeps its last good version meanwhile; a file leaves
 * this list at the first sync after it becomes valid or is deleted. Warnings are not kept: they do
 * not stop a file from being published.
 *
 * @param errors every error, its path under the articles folder as a trainer names the file ({@code
 *     articles/empathy/empathy.md}), in path and line order
 */
public record ArticleProblems(List<Problem> errors) {
  /** No article has a problem: the state before the first sync. */
  public static final ArticleProblems NONE = new ArticleProblems(List.of());

  public ArticleProblems {
    errors =
        errors.stream()
            .sorted(Comparator.comparing(Problem::path).thenComparingInt(Problem::line))
            .toList();
  }

  /**
   * The errors of one sync's report; {@code articlesDir} is the folder the report's paths are in.
   */
  public static ArticleProblems from(IndexReport report, Path articlesDir) {
    return new ArticleProblems(
        report.problems().stream().filter(Problem::isError).map(p -> p.in(articlesDir)).toList());
  }

  /** The errors of the file (or files, when two claim it) whose slug is {@code slug}. */
  public List<Problem> forSlug(String slug) {
    return errors.stream().filter(p -> ArticleFile.slugOf(p.path()).equals(slug)).toList();
  }

  /** How many article files have errors, published before or not. */
  public int count() {
    return (int) errors.stream().map(Problem::path).distinct().count();
  }

  /** The files with errors, in path order. */
  public Set<String> paths() {
    return errors.stream().map(Problem::path).collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The slugs whose errors differ between {@code before} and this state: articles that turned
   * invalid, changed their errors, or became valid or were deleted.
   */
  public Set<String> slugsChangedSince(ArticleProblems before) {
    Set<String> slugs = new TreeSet<>();
    for (ArticleProblems state : List.of(before, this)) {
      state.errors.forEach(p -> slugs.add(ArticleFile.slugOf(p.path())));
    }
    slugs.removeIf(slug -> forSlug(slug).equals(before.forSlug(slug)));
    return slugs;
  }
}
