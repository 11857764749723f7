package org.rapportkb.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.rapportkb.article.Curriculum;

/**
 * Everything read from the index-config folder: categories, limits, field boosts and the analyzers
 * built from the configured chains.
 *
 * @param categories the curriculum's modules, in teaching order (as categories.yml orders them)
 * @param vocabulary lowercase words named in the query-time files (synonyms, stop and protected
 *     words): known words that spelling correction must leave alone
 * @param indexFingerprint changes exactly when the indexed form of articles would change
 * @param semantic how search by meaning works
 * @param tagNames how tags are shown to readers
 * @param insights whether searches are recorded for the trainers' insights, and for how long
 */
public record KbConfig(
    Path dir,
    List<Category> categories,
    QueryLimits limits,
    Map<String, Float> boosts,
    Analyzer indexAnalyzer,
    Analyzer queryAnalyzer,
    java.util.Set<String> vocabulary,
    String indexFingerprint,
    SemanticSettings semantic,
    TagNames tagNames,
    InsightsSettings insights) {

  public Optional<Category> category(String slug) {
    return categories.stream().filter(c -> c.slug().equals(slug)).findFirst();
  }

  /** The modules and levels articles may be placed in, to check a category or level against. */
  public Curriculum curriculum() {
    return new Curriculum(categories.stream().map(Category::slug).toList());
  }

  /** The module order of a category, or a value after all modules when it is unknown. */
  public int categoryOrder(String slug) {
    return category(slug).map(Category::order).orElse(Integer.MAX_VALUE);
  }
}
