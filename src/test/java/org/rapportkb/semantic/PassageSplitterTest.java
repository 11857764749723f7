package org.rapportkb.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapportkb.article.MarkdownRenderer;
import org.rapportkb.article.ParsedBody;
import org.rapportkb.practice.Difficulty;
import org.rapportkb.practice.PracticeItem;

/** How an article is cut into passages. */
class PassageSplitterTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  private static List<Passage> split(String markdown) {
    ParsedBody body = RENDERER.read(markdown, RENDERER.parseForReading(markdown));
    List<PracticeItem> practice =
        List.of(
            new PracticeItem(
                "a",
                Difficulty.BEGINNER,
                "",
                "I just don't want to talk about it.",
                List.of("You'd rather not go there.", "Not today."),
                ""),
            new PracticeItem(
                "b",
                Difficulty.ADVANCED,
                "A teenager, third session.",
                "Why are you so quiet?",
                List.of("My quiet puzzles you.", "You'd like me to say more."),
                "Both take the question seriously."));
    return PassageSplitter.split(
        new PassageSplitter.Source(
            "Using silence",
            "Leave room after a hard question.",
            List.of("therapeutic pause"),
            body.text(),
            body.headings(),
            markdown.contains("## Practice") ? practice : List.of()));
  }

  @Test
  void overviewSectionsDialogueAndPracticeBecomePassagesAndSourcesDoNot() {
    List<Passage> passages =
        split(
            """
            ## What it is

            Silence gives the client room to think.

            ## Example

            A school counselor and a quiet boy.

            **Client:** I don't know.

            **Counselor:** (waits) Take your time.

            ## Practice

            Criteria:

            - Waits

            1. **Beginner.** "I just don't want to talk about it."
               - Response: "You'd rather not go there."
               - Response: "Not today."

            2. **Advanced.** "Why are you so quiet?"
               - Scene: A teenager, third session.
               - Response: "My quiet puzzles you."
               - Response: "You'd like me to say more."
               - Why: Both take the question seriously.

            ## Sources

            - Hill, C. E. (2020). Helping skills. APA.
            """);
    assertEquals(
        new Passage(
            "Using silence",
            "",
            "Using silence. Leave room after a hard question. Also called: therapeutic pause."),
        passages.get(0));
    assertEquals(
        List.of(
            new Passage("What it is", "what-it-is", "Silence gives the client room to think."),
            new Passage("Example", "example", "A school counselor and a quiet boy."),
            new Passage(
                "Example", "example", "Client: I don't know. Counselor: (waits) Take your time."),
            new Passage("Practice", "practice", "\"I just don't want to talk about it.\""),
            new Passage(
                "Practice", "practice", "A teenager, third session. \"Why are you so quiet?\"")),
        passages.subList(1, passages.size()));
  }

  @Test
  void longSectionsAreCutIntoWindowsOfAFewSentences() {
    String sentence = "The counselor waits and lets the client find the next words. ";
    List<Passage> passages = split("## How to do it\n\n" + sentence.repeat(40) + "\n");
    assertTrue(passages.size() > 4, "got " + passages.size());
    for (Passage passage : passages.subList(1, passages.size())) {
      assertEquals("How to do it", passage.heading());
      assertTrue(passage.text().split(" ").length < 120, passage.text());
    }
  }

  @Test
  void theTitleGivesEveryPassageItsContext() {
    Passage passage = new Passage("Example", "example", "Client: I don't know.");
    assertEquals("Using silence. Client: I don't know.", passage.embeddingText("Using silence"));
  }
}
