package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.article.Heading;
import org.rapportkb.check.Problem;
import org.rapportkb.library.ArticleDetail;
import org.rapportkb.library.ArticleSummary;

/**
 * An article page.
 *
 * @param toc the headings shown in the table of contents
 * @param previous the article before this one in its module, or null
 * @param next the article after this one in its module, or null
 * @param position 1-based place in its module, or 0 when it is not listed there (a draft)
 * @param moduleSize how many articles its module has
 * @param saveProblems the errors that keep the article's latest save from being published (the page
 *     shows its last good version), or empty
 */
public record ArticleView(
    Page page,
    ArticleDetail article,
    List<Link> breadcrumbs,
    List<Heading> toc,
    ArticleSummary previous,
    ArticleSummary next,
    int position,
    int moduleSize,
    Site site,
    List<Problem> saveProblems) {
  /** How the rendered body opens the practice section, which the page shows in its own form. */
  private static final String PRACTICE_HEADING = "<h2 id=\"practice\">";

  /**
   * Whether the article has practice items, shown as a practice section with a link to practise.
   */
  public boolean hasPractice() {
    return !article.practice().items().isEmpty();
  }

  /**
   * The body up to its practice section (all of it when the page does not replace that section).
   */
  public String htmlBeforePractice() {
    int start = practiceStart();
    return start < 0 ? article.html() : article.html().substring(0, start);
  }

  /** The body after its practice section, or empty when the page does not replace that section. */
  public String htmlAfterPractice() {
    int start = practiceStart();
    if (start < 0) {
      return "";
    }
    int end = article.html().indexOf("<h2", start + PRACTICE_HEADING.length());
    return end < 0 ? "" : article.html().substring(end);
  }

  /** Whether the page shows the practice section from the article's practice items. */
  public boolean practiceReplaced() {
    return practiceStart() >= 0;
  }

  private int practiceStart() {
    return hasPractice() ? article.html().indexOf(PRACTICE_HEADING) : -1;
  }

  /** How many practice items have {@code difficulty}. */
  public long practiceCount(org.rapportkb.practice.Difficulty difficulty) {
    return article.practice().count(difficulty);
  }
}
