package org.rapportkb.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapportkb.KnowledgeBase;
import org.rapportkb.article.Curriculum;
import org.rapportkb.article.Slugs;
import org.rapportkb.config.Category;
import org.rapportkb.json.Json;
import org.rapportkb.library.PracticeCard;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.web.view.Page;
import org.rapportkb.web.view.PracticeView;
import org.rapportkb.web.view.PracticeView.NextLinks;
import org.rapportkb.web.view.PracticeView.PracticeSelection;
import org.rapportkb.web.view.PracticeView.Skill;
import org.rapportkb.web.view.PracticeView.SkillGroup;
import org.rapportkb.web.view.Site;

/**
 * Deliberate practice: {@code /practice} shows one graded client statement of a chosen skill,
 * module or mix, with model responses and criteria to reveal; {@code /practice/diary} is the
 * trainee's record, kept by their browser; {@code /api/practice} lists items as JSON. Nothing a
 * trainee writes reaches the server.
 */
final class PracticeController {
  private static final int DEFAULT_COUNT = 100;
  private static final int MAX_COUNT = 1000;

  private final KnowledgeBase kb;
  private final Templates templates;

  PracticeController(KnowledgeBase kb, Templates templates) {
    this.kb = kb;
    this.templates = templates;
  }

  void api(Context ctx) throws IOException {
    PracticeSelection selection = selection(ctx);
    String level = Params.text(ctx, "level");
    Optional<String> wrongLevel = level == null ? Optional.empty() : Curriculum.levelProblem(level);
    if (wrongLevel.isPresent()) {
      throw new BadRequestResponse(wrongLevel.get());
    }
    int count = Params.integer(ctx, "count", DEFAULT_COUNT);
    if (count < 1 || count > MAX_COUNT) {
      throw new BadRequestResponse("'count' must be 1 to " + MAX_COUNT);
    }
    List<PracticeCard> cards =
        kb.library()
            .practice(
                selection.article(),
                selection.module(),
                level,
                Difficulty.parse(selection.difficulty()).orElse(null));
    ctx.json(new ApiItems(cards.subList(0, Math.min(count, cards.size())), cards.size()));
  }

  /** The JSON of {@code /api/practice}: the items, and how many the filters match in all. */
  record ApiItems(List<PracticeCard> items, int total) {}

  void page(Context ctx) throws IOException {
    PracticeSelection selection = selection(ctx);
    Difficulty difficulty = Difficulty.parse(selection.difficulty()).orElse(null);
    List<PracticeCard> all = kb.library().practice(null, null, null, null);
    List<PracticeCard> chosen =
        all.stream()
            .filter(c -> selection.article() == null || c.article().equals(selection.article()))
            .filter(c -> selection.module() == null || c.module().equals(selection.module()))
            .toList();
    PracticeSequence sequence = new PracticeSequence(chosen);
    String itemId = Params.text(ctx, "item");
    PracticeCard card;
    if (itemId != null) {
      card =
          sequence
              .find(itemId)
              .orElseThrow(
                  () ->
                      new NotFoundResponse(
                          "there is no practice item '"
                              + itemId
                              + "' here; its client statement may have been reworded"));
    } else {
      PracticeCard after = sequence.find(String.valueOf(Params.text(ctx, "after"))).orElse(null);
      card = sequence.next(after, difficulty).orElse(null);
    }
    String title = card == null || selection.article() == null ? "Practice" : card.title();
    Page page =
        Page.of(
                "Practice" + (title.equals("Practice") ? "" : ": " + title),
                "Answer graded client statements, then compare with model responses and criteria.",
                "practice")
            .withScript("practice.js");
    templates.render(
        ctx,
        "practice.jte",
        new PracticeView(
            page,
            card,
            selection,
            skills(all),
            card == null ? null : nextLinks(selection, card),
            Json.write(
                chosen.stream().map(c -> List.of(c.id(), c.difficulty().ordinal())).toList()),
            List.of(Difficulty.values()).stream()
                .map(d -> (int) chosen.stream().filter(c -> c.difficulty() == d).count())
                .toList(),
            Site.of(kb.config())));
  }

  void diary(Context ctx) {
    Page page =
        Page.of(
                "Practice diary",
                "What you have practised, how it felt, and what is due again: kept by this browser.",
                "practice")
            .withScript("practice.js");
    templates.render(ctx, "diary.jte", page);
  }

  private PracticeSelection selection(Context ctx) throws IOException {
    String article = Params.text(ctx, "article");
    String module = Params.text(ctx, "module");
    String difficulty = Params.text(ctx, "difficulty");
    if (article != null && (!Slugs.isValid(article) || !kb.library().has(article))) {
      throw new BadRequestResponse("unknown article '" + article + "'");
    }
    if (module != null && kb.config().category(module).isEmpty()) {
      throw new BadRequestResponse("unknown module '" + module + "'");
    }
    if (difficulty != null && Difficulty.parse(difficulty).isEmpty()) {
      throw new BadRequestResponse(
          "unknown difficulty '" + difficulty + "' (use " + Difficulty.allSlugs() + ")");
    }
    return new PracticeSelection(article, module, difficulty);
  }

  private List<SkillGroup> skills(List<PracticeCard> cards) {
    Map<String, Map<String, String>> byModule = new LinkedHashMap<>();
    for (Category category : kb.config().categories()) {
      byModule.put(category.slug(), new LinkedHashMap<>());
    }
    for (PracticeCard card : cards) {
      byModule
          .computeIfAbsent(card.module(), m -> new LinkedHashMap<>())
          .putIfAbsent(card.article(), card.title());
    }
    List<SkillGroup> groups = new ArrayList<>();
    byModule.forEach(
        (module, skills) -> {
          if (!skills.isEmpty()) {
            groups.add(
                new SkillGroup(
                    module,
                    skills.entrySet().stream()
                        .map(e -> new Skill(e.getKey(), e.getValue()))
                        .toList()));
          }
        });
    return groups;
  }

  private static NextLinks nextLinks(PracticeSelection selection, PracticeCard card) {
    Difficulty at = card.difficulty();
    return new NextLinks(
        link(selection, at.easier(), card),
        link(selection, at, card),
        link(selection, at.harder(), card));
  }

  private static String link(
      PracticeSelection selection, Difficulty difficulty, PracticeCard after) {
    return new QueryString("/practice")
        .add("article", selection.article())
        .add("module", selection.module())
        .add("difficulty", difficulty.slug())
        .add("after", after.id())
        .toString();
  }
}
