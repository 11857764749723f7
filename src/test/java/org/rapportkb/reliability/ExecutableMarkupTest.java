package org.rapportkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker the hostile-content tests rely on finds what it must and passes what is inert. */
class ExecutableMarkupTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<p onclick=\"x()\">a</p>",
        "<img src=x OnError=alert(1)>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<a href=\"  JaVaScRiPt:alert(1)\">a</a>",
        "<a href=\"java&#115;cript:alert(1)\">a</a>",
        "<a href=\"java&#x73;cript&colon;alert(1)\">a</a>",
        "<a href=\"java&#9;script:alert(1)\">a</a>",
        "<a href='vbscript:msgbox(1)'>a</a>",
        "<a href=data:text/html,x>a</a>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<svg onload=\"x()\"><circle r=1 /></svg>",
        "<svg><foreignObject><p>a</p></foreignObject></svg>",
        "<object data=x></object>",
        "<meta http-equiv=refresh content=\"0;url=javascript:x\">",
        "<base href=\"https://evil.example/\">",
        "<p style=\"background:url(x)\">a</p>",
        "<form action=\"https://evil.example\"><input></form>"
      })
  void findsExecutableMarkupInFragmentsAndPages(String html) {
    assertFalse(ExecutableMarkup.inFragment(html).isEmpty(), html);
    assertFalse(ExecutableMarkup.inPage("<main>" + html + "</main>").isEmpty(), html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<p>javascript:alert(1) as text</p>",
        "<a href=\"https://example.org/a?b=c&amp;d\" rel=\"noopener noreferrer\">x</a>",
        "<a href=\"/articles/empathy\">x</a>",
        "<a href=\"#why-it-matters\">x</a>",
        "<a href=\"mailto:a@example.org\">x</a>",
        "<h2 id=\"what-it-is\">What it is</h2><ul><li><strong>a</strong></li></ul>",
        "<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>",
        "<table><thead><tr><th align=\"left\">a</th></tr></thead></table>",
        "<p title=\"a &gt; b\">x</p>"
      })
  void passesInertHtml(String html) {
    assertEquals(List.of(), ExecutableMarkup.inFragment(html));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/></svg>", "<math><mi>x</mi></math>"})
  void flagsSvgAndMathMlInArticleHtml(String html) {
    assertFalse(ExecutableMarkup.inFragment(html).isEmpty(), html);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!doctype html><html><head><meta charset=\"utf-8\">"
            + "<link rel=\"stylesheet\" href=\"/static/site.css\">"
            + "<script src=\"/static/search.js\" defer></script></head>"
            + "<body><svg class=\"icon\" viewBox=\"0 0 32 32\"><path d=\"M0 0\"/></svg>"
            + "<form action=\"/search\" method=\"get\"><input name=\"q\"></form></body></html>"
      })
  void acceptsAPageThatOnlyLoadsItsOwnFiles(String html) {
    assertEquals(List.of(), ExecutableMarkup.inPage(html));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>var a = 1;</script>",
        "<script src=\"https://cdn.example/x.js\"></script>",
        "<script src=\"//cdn.example/x.js\"></script>",
        "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\">"
      })
  void flagsInlineOrForeignScriptsInPages(String html) {
    assertFalse(ExecutableMarkup.inPage(html).isEmpty(), html);
  }
}
