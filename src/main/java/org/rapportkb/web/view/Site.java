package org.rapportkb.web.view;

import java.util.List;
import java.util.Optional;
import org.rapportkb.config.Category;

/** The curriculum modules as configured, for naming categories on any page. */
public record Site(List<Category> categories) {

  public Optional<Category> category(String slug) {
    return categories.stream().filter(c -> c.slug().equals(slug)).findFirst();
  }

  /** The display name of a category, or its slug when the config does not know it. */
  public String categoryName(String slug) {
    return category(slug).map(Category::name).orElse(slug);
  }

  public static String categoryUrl(String slug) {
    return "/categories/" + slug;
  }

  public static String tagUrl(String tag) {
    return "/tags/" + tag;
  }
}
