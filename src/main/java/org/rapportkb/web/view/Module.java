package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.config.Category;

/**
 * A curriculum module: its place in the course, its category and its articles in teaching order.
 *
 * @param number 1-based position in the curriculum
 */
public record Module(int number, Category category, List<ArticleSummary> articles) {

  public int count() {
    return articles.size();
  }

  public String url() {
    return Site.categoryUrl(category.slug());
  }

  /** The id of this module's section on the curriculum page. */
  public String anchor() {
    return "module-" + category.slug();
  }
}
