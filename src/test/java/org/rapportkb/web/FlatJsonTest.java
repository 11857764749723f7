package org.rapportkb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapportkb.article.ArticleSummary;
import org.rapportkb.article.Heading;
import org.rapportkb.json.Json;
import org.rapportkb.library.ArticleDetail;
import org.rapportkb.practice.SkillPractice;
import org.rapportkb.search.SearchHit;

/**
 * A search hit and a whole article are made of an {@link ArticleSummary}, and their JSON shows its
 * fields flat, in the order and with the names of the HTTP contract.
 */
class FlatJsonTest {
  private static final ArticleSummary EMPATHY =
      new ArticleSummary(
          "empathy",
          "Empathy",
          "Say what you understood.",
          "empathy",
          "foundation",
          List.of("core-conditions"),
          "2026-11-20");

  @Test
  void aSummaryListsItsFieldsWithItsUrl() {
    assertEquals(
        """
        {"slug":"empathy","title":"Empathy","summary":"Say what you understood.",\
        "category":"empathy","level":"foundation","tags":["core-conditions"],\
        "url":"/articles/empathy","updated":"2026-11-20"}""",
        Json.write(EMPATHY));
  }

  @Test
  void aHitShowsItsOwnUrlAndNoUpdateDate() {
    var hit =
        new SearchHit(
            EMPATHY,
            "/articles/empathy?search=abc",
            0.5f,
            "<mark>empathy</mark>",
            new SearchHit.PassageRef("What it is", "/articles/empathy?search=abc#what-it-is"),
            null);
    assertEquals(
        """
        {"slug":"empathy","title":"Empathy","summary":"Say what you understood.",\
        "category":"empathy","level":"foundation","tags":["core-conditions"],\
        "url":"/articles/empathy?search=abc","score":0.5,"snippet":"<mark>empathy</mark>",\
        "passage":{"heading":"What it is","url":"/articles/empathy?search=abc#what-it-is"}}""",
        Json.write(hit));
  }

  @Test
  void aWholeArticleAddsItsOwnFieldsAfterTheSummary() {
    var detail =
        new ArticleDetail(
            EMPATHY,
            List.of("empathic understanding"),
            1,
            "<p>Text.</p>",
            List.of(),
            List.of(new Heading(2, "What it is", "what-it-is")),
            null,
            SkillPractice.NONE,
            "empathy/empathy.md");
    assertEquals(
        """
        {"slug":"empathy","title":"Empathy","summary":"Say what you understood.",\
        "category":"empathy","level":"foundation","tags":["core-conditions"],\
        "url":"/articles/empathy","updated":"2026-11-20","aliases":["empathic understanding"],\
        "order":1,"html":"<p>Text.</p>","related":[],\
        "headings":[{"level":2,"text":"What it is","id":"what-it-is"}],"reviewed":null}""",
        Json.write(detail));
  }
}
