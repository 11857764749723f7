package org.rapportkb.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.Level;
import org.rapportkb.library.PracticeItem;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.PracticeView;
import org.rapportkb.web.view.Site;

/**
 * {@code /practice}: a client line from an example dialogue to respond to, then the counselor's
 * line to compare. {@code n} picks the exchange (so a link can be shared); without it one is picked
 * at random.
 */
final class PracticeController {
  private static final List<String> LEVELS =
      Arrays.stream(Level.values()).map(Level::slug).toList();

  private final KnowledgeBase kb;
  private final Templates templates;

  PracticeController(KnowledgeBase kb, Templates templates) {
    this.kb = kb;
    this.templates = templates;
  }

  void page(Context ctx) throws IOException {
    String category = Params.text(ctx, "category");
    String level = Params.text(ctx, "level");
    if (category != null && kb.config().category(category).isEmpty()) {
      throw new BadRequestResponse("unknown category '" + category + "'");
    }
    if (level != null && Level.parse(level).isEmpty()) {
      throw new BadRequestResponse("unknown level '" + level + "' (use " + Level.allSlugs() + ")");
    }
    int n = Params.integer(ctx, "n", -1);
    if (n < -1) {
      throw new BadRequestResponse("'n' must be 0 or more");
    }
    List<PracticeItem> items = kb.library().practice(category, level);
    PracticeItem item = null;
    int index = 0;
    String another = null;
    if (!items.isEmpty()) {
      index = n >= 0 ? n % items.size() : ThreadLocalRandom.current().nextInt(items.size());
      item = items.get(index);
      another = url(category, level, other(index, items.size()));
    }
    Page page =
        Page.of(
            "Practice",
            "Respond to a client line from an example dialogue, then compare.",
            "practice");
    templates.render(
        ctx,
        "practice.jte",
        new PracticeView(
            page,
            item,
            index + 1,
            items.size(),
            category,
            level,
            another,
            LEVELS,
            new Site(kb.config().categories())));
  }

  /** A random index other than {@code current} when there is another. */
  private static int other(int current, int size) {
    if (size < 2) {
      return current;
    }
    int pick = ThreadLocalRandom.current().nextInt(size - 1);
    return pick >= current ? pick + 1 : pick;
  }

  private static String url(String category, String level, int n) {
    return new QueryString("/practice")
        .add("category", category)
        .add("level", level)
        .add("n", n)
        .toString();
  }
}
