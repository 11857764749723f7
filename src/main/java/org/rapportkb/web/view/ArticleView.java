package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;
import org.rapportkb.check.Problem;
import org.rapportkb.library.ArticleDetail;

/**
 * An article page.
 *
 * @param toc the headings shown in the table of contents
 * @param previous the article before this one in the curriculum, or null
 * @param next the article after this one in the curriculum (maybe in the next module), or null
 * @param module the published articles of its module, in order, for the sidebar
 * @param position 1-based place in its module, or 0 when it is not listed there (a draft)
 * @param pageUrl the page's own address, printed at the foot of a printed copy
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
    List<ArticleSummary> module,
    int position,
    String pageUrl,
    Site site,
    List<Problem> saveProblems) {
  public int moduleSize() {
    return module.size();
  }

  /** What the link to the previous article says: within the module, or back into the last one. */
  public String previousLabel() {
    return previous.category().equals(article.article().category())
        ? "← Previous in this module"
        : "← Previous module: " + site.categoryName(previous.category());
  }

  /** What the link to the next article says: within the module, or on into the next one. */
  public String nextLabel() {
    return next.category().equals(article.article().category())
        ? "Next in this module →"
        : "Next module: " + site.categoryName(next.category()) + " →";
  }

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
