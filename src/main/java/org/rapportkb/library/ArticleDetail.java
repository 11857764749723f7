package org.rapportkb.library;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;
import org.rapportkb.practice.SkillPractice;

/**
 * A whole article for reading: its summary (shown flat in the JSON) plus the sanitized HTML, its
 * outline, the related articles, its review (or null) and its practice.
 */
public record ArticleDetail(
    @JsonUnwrapped ArticleSummary article,
    List<String> aliases,
    Integer order,
    String html,
    List<ArticleSummary> related,
    List<Heading> headings,
    Review reviewed,
    @JsonIgnore SkillPractice practice,
    @JsonIgnore String path) {

  /** Who reviewed the article and when (an ISO date), as its front matter says. */
  public record Review(String date, String by) {}
}
