package org.rapportkb.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapportkb.check.Problem;

class SectionRulesTest {
  private static List<String> check(String body) {
    List<Problem> problems = new ArrayList<>();
    SectionRules.check("a.md", new MarkdownRenderer().parseForReading(body), 10, problems);
    return problems.stream().map(Problem::toString).toList();
  }

  private static String sections(List<String> names) {
    StringBuilder body = new StringBuilder();
    for (String name : names) {
      body.append("## ").append(name).append("\n\nText.\n\n");
    }
    return body.toString();
  }

  @Test
  void everySectionInOrderIsNoProblemAndSubsectionsAreFree() {
    String body = sections(SectionRules.SECTIONS).replace("Text.", "Text.\n\n### A subsection");
    assertEquals(List.of(), check(body));
  }

  @Test
  void eachStrayIsAWarningOnItsLine() {
    String body =
        "# Title again\n\n"
            + sections(
                List.of(
                    "What it is",
                    "How to do it",
                    "Why it matters",
                    "Example",
                    "Example",
                    "Tips",
                    "Common pitfalls",
                    "Practice"));
    assertEquals(
        List.of(
            "a.md:10: warning: use '## ' sections; the title comes from the front matter",
            "a.md:20: warning: section 'Why it matters' should come before 'How to do it'",
            "a.md:28: warning: section 'Example' appears twice",
            "a.md:32: warning: unexpected section 'Tips' (sections: What it is, Why it matters,"
                + " How to do it, Example, Common pitfalls, Practice, Sources)",
            "a.md:10: warning: missing section '## Sources'"),
        check(body));
  }
}
