package org.rapportkb.article;

import java.util.List;
import java.util.Optional;
import org.rapportkb.check.Problem;

/**
 * The one check of a category and a level, wherever one is named.
 *
 * <p>Front matter, the {@code new} command and requests all check against the modules of
 * index-config and the {@link Level}s.
 *
 * @param categories the slugs of the modules in index-config, in curriculum order
 */
public record Curriculum(List<String> categories) {
  public Curriculum {
    categories = List.copyOf(categories);
  }

  /** What is wrong with {@code category}: empty when it is one of the modules. */
  public Optional<String> categoryProblem(String category) {
    return categories.contains(category)
        ? Optional.empty()
        : Optional.of(Problem.unknownInOrder("category", category, categories));
  }

  /** What is wrong with {@code level}: empty when it is one of the {@link Level}s. */
  public static Optional<String> levelProblem(String level) {
    return Level.parse(level).isPresent()
        ? Optional.empty()
        : Optional.of("unknown level '" + level + "' (use " + Level.allSlugs() + ")");
  }
}
