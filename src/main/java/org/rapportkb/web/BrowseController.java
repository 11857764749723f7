package org.rapportkb.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.config.Category;
import org.rapportkb.web.view.CurriculumView;
import org.rapportkb.web.view.HomeView;
import org.rapportkb.web.view.Link;
import org.rapportkb.web.view.ListingView;
import org.rapportkb.web.view.Module;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.Site;

/** Browsing: the home page, the curriculum, and the pages of one category or one tag. */
final class BrowseController {
  /** How many of the curriculum's first articles the home page offers to start with. */
  private static final int START_HERE = 5;

  private final KnowledgeBase kb;
  private final Templates templates;

  BrowseController(KnowledgeBase kb, Templates templates) {
    this.kb = kb;
    this.templates = templates;
  }

  void home(Context ctx) throws IOException {
    List<Module> modules = modules();
    Page page =
        Page.of(
                null,
                "A searchable knowledge base of rapport techniques for counseling trainees.",
                "home")
            .withoutHeaderSearch();
    templates.render(
        ctx,
        "home.jte",
        new HomeView(
            page,
            modules,
            kb.library().list(null, null, null).stream().limit(START_HERE).toList(),
            total(modules),
            site()));
  }

  void curriculum(Context ctx) throws IOException {
    List<Module> modules = modules();
    Page page =
        Page.of(
            "Curriculum",
            "Every module of the course in teaching order, with its articles.",
            "curriculum");
    templates.render(ctx, "curriculum.jte", new CurriculumView(page, modules, total(modules)));
  }

  void category(Context ctx) throws IOException {
    String slug = Params.slug(ctx, "category", "category");
    Category category =
        kb.config()
            .category(slug)
            .orElseThrow(() -> new NotFoundResponse("there is no category '" + slug + "'"));
    List<ArticleSummary> articles = kb.library().list(slug, null, null);
    Page page = Page.of(category.name(), category.description(), "curriculum");
    List<Link> actions =
        List.of(
            new Link("Practise this module's skills", "/practice?module=" + slug),
            new Link("Search within this module", "/search?category=" + slug));
    templates.render(
        ctx,
        "listing.jte",
        new ListingView(
            page,
            "Module " + moduleNumber(category),
            category.name(),
            category.description(),
            List.of(new Link("Home", "/"), new Link("Curriculum", "/curriculum")),
            articles,
            actions,
            site()));
  }

  void tag(Context ctx) throws IOException {
    String tag = Params.slug(ctx, "tag", "tag");
    List<ArticleSummary> articles = kb.library().list(null, tag, null);
    if (articles.isEmpty()) {
      throw new NotFoundResponse("no article is tagged '" + tag + "'");
    }
    Site site = site();
    String name = site.tagName(tag);
    Page page = Page.of("Tag: " + name, "Articles tagged " + name + ".", "curriculum");
    templates.render(
        ctx,
        "listing.jte",
        new ListingView(
            page,
            "Tag",
            name,
            null,
            List.of(new Link("Home", "/")),
            articles,
            List.of(new Link("Search within this tag", "/search?tag=" + tag)),
            site));
  }

  private Site site() {
    return Site.of(kb.config());
  }

  private int moduleNumber(Category category) {
    return sortedCategories().indexOf(category) + 1;
  }

  private List<Category> sortedCategories() {
    List<Category> categories = new ArrayList<>(kb.config().categories());
    categories.sort(Comparator.comparingInt(Category::order));
    return categories;
  }

  /** Every module in course order, with its published articles in curriculum order. */
  private List<Module> modules() throws IOException {
    Map<String, List<ArticleSummary>> byCategory = new LinkedHashMap<>();
    for (ArticleSummary article : kb.library().list(null, null, null)) {
      byCategory.computeIfAbsent(article.category(), c -> new ArrayList<>()).add(article);
    }
    List<Module> modules = new ArrayList<>();
    for (Category category : sortedCategories()) {
      List<ArticleSummary> articles = byCategory.getOrDefault(category.slug(), List.of());
      modules.add(new Module(modules.size() + 1, category, List.copyOf(articles)));
    }
    return modules;
  }

  private static int total(List<Module> modules) {
    return modules.stream().mapToInt(Module::count).sum();
  }
}
