package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.article.Heading;
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
    Site site) {}
