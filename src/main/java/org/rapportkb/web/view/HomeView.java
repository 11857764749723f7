package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.article.ArticleSummary;

/**
 * The home page: the search box, where to start (the curriculum's first articles) and the modules
 * with their article counts.
 */
public record HomeView(
    Page page, List<Module> modules, List<ArticleSummary> startHere, int total, Site site) {}
