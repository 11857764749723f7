package org.rapportkb.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.library.ArticleSummary;
import org.rapportkb.web.view.InsightsView;
import org.rapportkb.web.view.Page;

/** The trainers' insights page, {@code /insights}: what trainees search and do not find. */
final class InsightsController {
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
    templates.render(
        ctx,
        "insights.jte",
        new InsightsView(page, insights.settings(), insights.report(QUERIES_PER_LIST), titles));
  }
}
