package org.rapportkb.article;

import java.util.Optional;
import java.util.Set;
import org.rapportkb.check.Problem;

/**
 * The one check of a category and a level, wherever one is named.
 *
 * <p>Front matter, the {@code new} command and requests all check against the modules of
 * index-config and the {@link Level}s.
 *
 * @param categories the slugs of the modules in index-config
 */
public record Curriculum(Set<String> categories) {
  public Curriculum {
    categories = Set.copyOf(categories);
  }

  /** What is wrong with {@code category}: empty when it is one of the modules. */
  public Optional<String> categoryProblem(String category) {
    return categories.contains(category)
        ? Optional.empty()
        : Optional.of(Problem.unknown("category", category, categories));
  }

  /** What is wrong with {@code level}: empty when it is one of the {@link Level}s. */
  public static Optional<String> levelProblem(String level) {
    return Level.parse(level).isPresent()
        ? Optional.empty()
        : Optional.of("unknown level '" + level + "' (use " + Level.allSlugs() + ")");
  }
}
