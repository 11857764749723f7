package org.rapportkb.web.view;

import java.util.List;
import java.util.Optional;
import org.rapportkb.config.Category;
import org.rapportkb.config.KbConfig;
import org.rapportkb.config.TagNames;

/** The curriculum modules and tag names as configured, for naming them on any page. */
public record Site(List<Category> categories, TagNames tagNames) {

  public static Site of(KbConfig config) {
    return new Site(config.categories(), config.tagNames());
  }

  /** The display name of a tag ("DBT", "Motivational interviewing"). */
  public String tagName(String tag) {
    return tagNames.name(tag);
  }

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
