package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.article.ArticleSummary;

/**
 * A list of articles under a heading: one category's or one tag's.
 *
 * @param kind what the heading names, for people ("Module", "Tag")
 * @param actions links offered next to the list (practice this module, search within it)
 */
public record ListingView(
    Page page,
    String kind,
    String heading,
    String description,
    List<Link> breadcrumbs,
    List<ArticleSummary> articles,
    List<Link> actions,
    Site site) {}
