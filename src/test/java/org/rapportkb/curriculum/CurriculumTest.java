package org.rapportkb.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rapportkb.article.Article;
import org.rapportkb.article.ArticleFolder;
import org.rapportkb.article.ArticleParser;
import org.rapportkb.article.ArticleScanner;
import org.rapportkb.article.ArticleSections;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.article.SectionRules;
import org.rapportkb.check.Problem;
import org.rapportkb.config.Category;
import org.rapportkb.config.ConfigLoader;
import org.rapportkb.config.KbConfig;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.practice.PracticeItem;
import org.rapportkb.practice.SkillPractice;

/** The bundled curriculum: every required article, complete, clean under check, in every module. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurriculumTest {
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "alliance",
          List.of(
              "therapeutic-alliance",
              "core-conditions",
              "building-trust",
              "transparency-and-informed-consent",
              "collaborative-goal-setting",
              "genuineness-and-congruence",
              "cultural-humility",
              "endings-and-termination",
              "couple-and-family-alliance"),
          "attending",
          List.of(
              "active-listening",
              "nonverbal-attending",
              "minimal-encouragers",
              "paraphrasing",
              "using-silence"),
          "questions",
          List.of(
              "open-questions",
              "closed-questions",
              "asking-permission",
              "exploring-the-clients-perspective"),
          "reflection",
          List.of(
              "oars-skills",
              "reflective-listening",
              "simple-reflections",
              "reflecting-feelings",
              "summarizing",
              "affirmations",
              "complex-reflections",
              "double-sided-reflections",
              "mi-spirit-and-processes",
              "change-talk-and-sustain-talk",
              "challenging-discrepancies"),
          "empathy",
          List.of(
              "empathy",
              "empathy-vs-sympathy",
              "empathic-responding-scale",
              "perspective-taking",
              "empathic-conjecture"),
          "validation",
          List.of(
              "validation",
              "avoiding-invalidation",
              "normalizing",
              "levels-of-validation",
              "validating-without-agreeing"),
          "assessment",
          List.of(
              "rapport-in-assessment",
              "first-session",
              "trauma-informed-rapport",
              "rapport-with-adolescents",
              "telehealth-rapport",
              "asking-about-sensitive-topics",
              "reluctant-and-mandated-clients",
              "suicide-risk-and-safety-planning",
              "making-a-mandated-report-with-the-client",
              "documentation-and-rapport",
              "sharing-assessment-findings",
              "working-with-interpreters",
              "rapport-with-clients-with-psychosis",
              "rapport-with-cognitive-impairment"),
          "repair",
          List.of(
              "alliance-ruptures",
              "feedback-informed-care",
              "boundaries-and-rapport",
              "repairing-ruptures",
              "therapist-self-disclosure",
              "using-supervision",
              "responding-to-discord",
              "immediacy"));

  /** The second edition's articles, written to 600 to 1,000 words. */
  private static final Set<String> SECOND_EDITION =
      Set.of(
          "endings-and-termination",
          "couple-and-family-alliance",
          "mi-spirit-and-processes",
          "change-talk-and-sustain-talk",
          "challenging-discrepancies",
          "suicide-risk-and-safety-planning",
          "making-a-mandated-report-with-the-client",
          "documentation-and-rapport",
          "sharing-assessment-findings",
          "working-with-interpreters",
          "rapport-with-clients-with-psychosis",
          "rapport-with-cognitive-impairment",
          "using-supervision",
          "responding-to-discord",
          "immediacy");

  private static final Pattern SECTION = Pattern.compile("(?m)^## (.+)$");
  private static final Pattern SOURCE_ITEM = Pattern.compile("(?m)^- .+\\(\\d{4}\\)");

  private final Map<String, Article> articles = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private KbConfig config;

  @BeforeAll
  void parseAll() throws Exception {
    config = ConfigLoader.load(Path.of("index-config"));
    ArticleFolder folder =
        new ArticleFolder(
            Path.of("articles"), new ArticleParser(new MarkdownRenderer(), config.curriculum()));
    ArticleScanner.Scan scan = folder.scan();
    problems.addAll(scan.problems());
    folder.forEach(
        scan,
        1,
        found -> {
          byte[] bytes = Files.readAllBytes(found.file().file());
          ArticleParser.Result result = found.parse(bytes);
          problems.addAll(result.problems());
          result.article().ifPresent(a -> articles.put(a.slug(), a));
          texts.put(found.file().slug(), new String(bytes, StandardCharsets.UTF_8));
        });
  }

  @Test
  void checkFindsNoErrorAndNoWarning() {
    assertEquals(List.of(), problems);
  }

  @Test
  void everyRequiredArticleExistsInItsModule() {
    REQUIRED.forEach(
        (category, slugs) -> {
          for (String slug : slugs) {
            Article article = articles.get(slug);
            assertTrue(article != null, "missing article " + slug);
            assertEquals(category, article.meta().category(), slug);
          }
        });
    assertTrue(articles.size() >= 61);
  }

  @Test
  void everyModuleHasArticlesAtMoreThanOneLevel() {
    for (Category category : config.categories()) {
      Set<String> levels = new HashSet<>();
      articles.values().stream()
          .filter(a -> a.meta().category().equals(category.slug()))
          .forEach(a -> levels.add(a.meta().level().slug()));
      assertTrue(levels.size() > 1, category.slug() + " has levels " + levels);
    }
  }

  @Test
  void everyArticleIsCompleteTeachingMaterial() {
    for (Article article : articles.values()) {
      String slug = article.slug();
      String text = texts.get(slug);
      List<String> sections = new ArrayList<>();
      Matcher matcher = SECTION.matcher(text);
      while (matcher.find()) {
        sections.add(matcher.group(1).strip());
      }
      assertEquals(SectionRules.SECTIONS, sections, slug);
      int words = proseWords(article);
      // The first edition's articles grew with their safety follow-ups and sources.
      int least = SECOND_EDITION.contains(slug) ? 600 : 500;
      int most = SECOND_EDITION.contains(slug) ? 1000 : 1300;
      assertTrue(words >= least && words <= most, slug + " has " + words + " words");
      assertTrue(article.body().clientLines().size() >= 3, slug + " needs three client lines");
      String sources = text.substring(text.indexOf("## Sources"));
      assertTrue(SOURCE_ITEM.matcher(sources).results().count() >= 2, slug + " sources");
      assertTrue(!article.meta().aliases().isEmpty(), slug + " aliases");
      assertTrue(!article.meta().tags().isEmpty(), slug + " tags");
      assertTrue(!article.meta().related().isEmpty(), slug + " related");
      assertTrue(article.meta().order() != null, slug + " order");
    }
  }

  /** The words of an article's teaching text: every section but the practice items. */
  private static int proseWords(Article article) {
    int words = 0;
    for (ArticleSections.Section section :
        ArticleSections.of(article.body().text(), article.body().headings()).sections()) {
      if (section.heading() != null && section.heading().text().equals("Practice")) {
        continue;
      }
      for (ArticleSections.Block block : section.blocks()) {
        words += block.text().split("\\s+").length;
      }
      words += section.heading() == null ? 0 : section.heading().text().split("\\s+").length;
    }
    return words;
  }

  @Test
  void everySkillHasGradedPracticeWithCriteriaAndTwoModelResponses() {
    for (Article article : articles.values()) {
      SkillPractice practice = article.practice();
      String slug = article.slug();
      assertTrue(
          practice.criteria().size() >= 3 && practice.criteria().size() <= 5,
          slug + " criteria " + practice.criteria());
      for (Difficulty difficulty : Difficulty.values()) {
        assertTrue(practice.count(difficulty) >= 3, slug + " has too few " + difficulty + " items");
      }
      for (PracticeItem item : practice.items()) {
        assertTrue(item.responses().size() >= 2, slug + " " + item.client());
        assertEquals(
            item.responses().size(),
            Set.copyOf(item.responses()).size(),
            slug + " repeats a model response");
      }
    }
  }

  @Test
  void aMisstepInAnExampleIsShownAsOneAndNeverOfferedAsAModel() {
    Article article = articles.get("cultural-humility");
    String html = new MarkdownRenderer().toHtml(article.body().markdown());
    Matcher misstep =
        Pattern.compile(
                "<p class=\"turn turn-misstep\"><strong>Counselor \\(misstep\\):</strong> ([^<]+)</p>")
            .matcher(html);
    assertTrue(misstep.find(), "cultural-humility shows its misstep as one");
    String line = misstep.group(1).strip();
    assertTrue(line.contains("boundaries"), line);
    for (Article any : articles.values()) {
      for (PracticeItem item : any.practice().items()) {
        for (String response : item.responses()) {
          assertFalse(response.contains(line), any.slug() + " offers the misstep as a model");
        }
      }
    }
  }
}
