package org.rapportkb.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapportkb.article.MarkdownRenderer;

class RenderedPagesTest {
  private final RenderedPages pages = new RenderedPages(new MarkdownRenderer(), 2);

  @Test
  void aPageOpenedAgainIsTheKeptOne() {
    String first = pages.html("## What it is\n\nListening *closely*.\n");
    String again = pages.html("## What it is\n\nListening *closely*.\n");
    assertSame(first, again);
    assertTrue(first.contains("<em>closely</em>"), first);
  }

  @Test
  void aSavedChangeIsRenderedNotServedFromTheKeptPage() {
    String before = pages.html("Listening *closely*.\n");
    String after = pages.html("Listening **closely**.\n");
    assertTrue(before.contains("<em>closely</em>"), before);
    assertTrue(after.contains("<strong>closely</strong>"), after);
  }

  @Test
  void theLeastRecentlyOpenedPageGoesFirst() {
    String a = pages.html("a\n");
    String b = pages.html("b\n");
    assertSame(a, pages.html("a\n"));
    pages.html("c\n");
    assertEquals(2, pages.size());
    assertSame(a, pages.html("a\n"), "a was opened after b, so b went");
    String bAgain = pages.html("b\n");
    assertNotSame(b, bAgain);
    assertEquals(b, bAgain);
  }

  @Test
  void aKeptPageIsSanitizedLikeAFreshOne() {
    String markdown = "[click](javascript:alert(1)) <script>alert(1)</script>\n";
    pages.html(markdown);
    String kept = pages.html(markdown);
    assertFalse(kept.contains("javascript:"), kept);
    assertFalse(kept.contains("<script"), kept);
  }
}
