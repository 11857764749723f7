package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.library.ArticleSummary;

/** The home page: the search box, the modules with their article counts and recent updates. */
public record HomeView(
    Page page, List<Module> modules, List<ArticleSummary> recent, int total, Site site) {}
