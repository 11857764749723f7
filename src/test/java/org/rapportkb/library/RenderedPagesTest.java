package org.rapportkb.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rapportkb.article.MarkdownRenderer;

class RenderedPagesTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  /**
   * Room for two of the one-letter pages below ("a\n" renders to "
   *
   * <p>a\n": 11 characters).
   */
  private final RenderedPages pages = new RenderedPages(renderer, 25);

  private final RenderedPages roomy = new RenderedPages(renderer, 10_000);

  @Test
  void aPageOpenedAgainIsTheKeptOne() {
    String first = roomy.html("## What it is\n\nListening *closely*.\n");
    String again = roomy.html("## What it is\n\nListening *closely*.\n");
    assertSame(first, again);
    assertTrue(first.contains("<em>closely</em>"), first);
  }

  @Test
  void aSavedChangeIsRenderedNotServedFromTheKeptPage() {
    String before = roomy.html("Listening *closely*.\n");
    assertSame(before, roomy.html("Listening *closely*.\n"), "the first version is kept");
    String after = roomy.html("Listening **closely**.\n");
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
  void aPageLargerThanTheBudgetIsRenderedEachTime() {
    RenderedPages small = new RenderedPages(renderer, 10);
    String first = small.html("a\n");
    String again = small.html("a\n");
    assertEquals(first, again);
    assertNotSame(first, again);
    assertEquals(0, small.size());
  }

  @Test
  void aKeptPageIsTheSanitizedOne() {
    // commonmark alone escapes the script and drops the script URL; only the sanitizer's policy
    // adds rel="nofollow" to a link
    String markdown = "[ok](https://example.org) [click](javascript:alert(1)) <script>x</script>\n";
    roomy.html(markdown);
    String kept = roomy.html(markdown);
    assertEquals(1, roomy.size());
    assertTrue(kept.contains("<a href=\"https://example.org\" rel=\"nofollow\">ok</a>"), kept);
    assertFalse(kept.contains("javascript:"), kept);
    assertFalse(kept.contains("<script"), kept);
  }
}
