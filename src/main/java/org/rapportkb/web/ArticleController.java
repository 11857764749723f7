package org.rapportkb.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;
import org.rapportkb.config.Category;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.library.ArticleDetail;
import org.rapportkb.web.view.ArticleView;
import org.rapportkb.web.view.Link;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.Site;

/** Articles: the {@code /articles/{slug}} page, {@code /api/articles} and one article's JSON. */
final class ArticleController {
  /** The deepest heading level listed in an article's table of contents. */
  private static final int TOC_DEPTH = 3;

  private final KnowledgeBase kb;
  private final Templates templates;
  private final SearchInsights insights;

  ArticleController(KnowledgeBase kb, Templates templates, SearchInsights insights) {
    this.kb = kb;
    this.templates = templates;
    this.insights = insights;
  }

  void apiList(Context ctx) throws IOException {
    ctx.json(kb.library().list(null, null, null));
  }

  void apiGet(Context ctx) throws IOException {
    ctx.json(find(ctx));
  }

  void page(Context ctx) throws IOException {
    ArticleDetail detail = find(ctx);
    ArticleSummary article = detail.article();
    insights.recordOpen(ctx.queryParam(SearchLinks.PARAM));
    Site site = Site.of(kb.config());
    List<ArticleSummary> module = kb.library().list(article.category(), null, null);
    int index = indexOf(module, article.slug());
    String results = SearchReferrer.resultsUrl(ctx);
    List<Link> breadcrumbs = new ArrayList<>();
    breadcrumbs.add(new Link("Home", "/"));
    if (results != null) {
      breadcrumbs.add(new Link("Search results", results));
    }
    breadcrumbs.add(
        new Link(site.categoryName(article.category()), Site.categoryUrl(article.category())));
    Page page =
        Page.of(article.title(), article.summary(), results != null ? "search" : "curriculum")
            .withLiveSlug(article.slug());
    templates.render(
        ctx,
        "article.jte",
        new ArticleView(
            page,
            detail,
            breadcrumbs,
            toc(detail.headings()),
            index > 0 ? module.get(index - 1) : index == 0 ? besideModule(article, -1) : null,
            index >= 0 && index < module.size() - 1
                ? module.get(index + 1)
                : index >= 0 ? besideModule(article, 1) : null,
            module,
            index + 1,
            ctx.fullUrl(),
            site,
            kb.problems().forSlug(article.slug())));
  }

  /**
   * The article a reader reaches by going on from the end of this article's module ({@code step} 1:
   * the first of the next module with articles) or back from its start ({@code -1}: the last of the
   * module before), or null at either end of the curriculum.
   */
  private ArticleSummary besideModule(ArticleSummary article, int step) throws IOException {
    List<Category> modules = kb.config().categories();
    int at = modules.indexOf(kb.config().category(article.category()).orElse(null));
    for (int i = at + step; at >= 0 && i >= 0 && i < modules.size(); i += step) {
      List<ArticleSummary> articles = kb.library().list(modules.get(i).slug(), null, null);
      if (!articles.isEmpty()) {
        return step > 0 ? articles.get(0) : articles.get(articles.size() - 1);
      }
    }
    return null;
  }

  private ArticleDetail find(Context ctx) throws IOException {
    String slug = Params.slug(ctx, "slug", "article");
    return kb.library()
        .get(slug)
        .orElseThrow(() -> new NotFoundResponse("there is no article '" + slug + "'"));
  }

  private static int indexOf(List<ArticleSummary> articles, String slug) {
    for (int i = 0; i < articles.size(); i++) {
      if (articles.get(i).slug().equals(slug)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Heading> toc(List<Heading> headings) {
    List<Heading> toc = new ArrayList<>();
    for (Heading heading : headings) {
      if (heading.id() != null && heading.level() >= 2 && heading.level() <= TOC_DEPTH) {
        toc.add(heading);
      }
    }
    return toc;
  }
}
