package org.rapportkb.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.insights.InsightsReport;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.web.view.InsightsView;
import org.rapportkb.web.view.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The trainers' insights page, {@code /insights}: what trainees search and do not find. */
final class InsightsController {
  private static final Logger LOG = LoggerFactory.getLogger(InsightsController.class);

  /** How many queries each list on the page shows. */
  static final int QUERIES_PER_LIST = 25;

  private final KnowledgeBase kb;
  private final Templates templates;
  private final SearchInsights insights;

  InsightsController(KnowledgeBase kb, Templates templates, SearchInsights insights) {
    this.kb = kb;
    this.templates = templates;
    this.insights = insights;
  }

  void page(Context ctx) throws IOException {
    Map<String, String> titles = new HashMap<>();
    for (ArticleSummary article : kb.library().list(null, null, null)) {
      titles.put(article.slug(), article.title());
    }
    Page page =
        Page.of(
            "Insights for trainers",
            "What trainees search for, and what they do not find.",
            "insights");
    InsightsReport report;
    String problem = null;
    try {
      report = insights.report(QUERIES_PER_LIST);
    } catch (IOException e) {
      LOG.warn("search log: cannot read {}: {}", insights.folder(), e.getMessage());
      report = InsightsReport.of(List.of(), "", QUERIES_PER_LIST);
      problem = "The search log cannot be read right now; the server's log says why.";
    }
    templates.render(
        ctx, "insights.jte", new InsightsView(page, insights.settings(), report, titles, problem));
  }
}
