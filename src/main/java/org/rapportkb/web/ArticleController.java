package org.rapportkb.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.Heading;
import org.rapportkb.insights.SearchInsights;
import org.rapportkb.library.ArticleDetail;
import org.rapportkb.library.ArticleSummary;
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
    ArticleDetail article = find(ctx);
    insights.recordOpen(ctx.queryParam(SearchLinks.PARAM));
    Site site = Site.of(kb.config());
    List<ArticleSummary> curriculum = kb.library().list(null, null, null);
    List<ArticleSummary> module =
        curriculum.stream().filter(a -> a.category().equals(article.category())).toList();
    int index = indexOf(curriculum, article.slug());
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
            article,
            breadcrumbs,
            toc(article.headings()),
            index > 0 ? curriculum.get(index - 1) : null,
            index >= 0 && index < curriculum.size() - 1 ? curriculum.get(index + 1) : null,
            module,
            indexOf(module, article.slug()) + 1,
            ctx.fullUrl(),
            site,
            kb.problems().forSlug(article.slug())));
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
