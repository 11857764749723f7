package org.rapportkb.library;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.rapportkb.article.Heading;
import org.rapportkb.practice.SkillPractice;

/**
 * A whole article for reading: the listed fields plus the sanitized HTML, its outline and the
 * related articles.
 */
public record ArticleDetail(
    String slug,
    String title,
    String summary,
    String category,
    String level,
    List<String> tags,
    String url,
    String updated,
    List<String> aliases,
    Integer order,
    String html,
    List<ArticleSummary> related,
    List<Heading> headings,
    @JsonIgnore SkillPractice practice,
    @JsonIgnore String path) {

  public ArticleSummary summaryView() {
    return new ArticleSummary(slug, title, summary, category, level, tags, url, updated);
  }
}
