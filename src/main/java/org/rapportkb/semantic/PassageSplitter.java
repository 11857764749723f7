package org.rapportkb.semantic;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rapportkb.article.ArticleSections;
import org.rapportkb.article.Heading;
import org.rapportkb.practice.PracticeItem;

/**
 * Splits an article into {@link Passage}s: title with summary and aliases; each section in windows
 * of a few sentences; each client line with the counselor's reply; each practice item's client
 * statement (with its scene). The list of sources and the practice items' model responses are left
 * out: the first says nothing about a situation, the second would repeat the article's advice.
 */
public final class PassageSplitter {
  /** A window is closed once it holds this many words. */
  private static final int WINDOW_WORDS = 60;

  /** A block longer than this is cut at sentence ends. */
  private static final int LONG_BLOCK_WORDS = 110;

  private static final String PRACTICE = "Practice";

  private PassageSplitter() {}

  /** What the splitter reads of an article. */
  public record Source(
      String title,
      String summary,
      List<String> aliases,
      String bodyText,
      List<Heading> headings,
      List<PracticeItem> practice) {}

  public static List<Passage> split(Source article) {
    List<Passage> passages = new ArrayList<>();
    StringBuilder overview =
        new StringBuilder(article.title()).append(". ").append(article.summary());
    if (!article.aliases().isEmpty()) {
      overview.append(" Also called: ").append(String.join(", ", article.aliases())).append('.');
    }
    passages.add(new Passage(article.title(), "", overview.toString()));
    for (ArticleSections.Section section :
        ArticleSections.of(article.bodyText(), article.headings()).sections()) {
      Heading heading = section.heading();
      String name = heading == null ? article.title() : heading.text();
      String anchor = heading == null ? "" : heading.id();
      if (ArticleSections.isReferenceList(name)) {
        continue;
      }
      if (!article.practice().isEmpty() && name.equals(PRACTICE)) {
        for (PracticeItem item : article.practice()) {
          String scene = item.scene().isEmpty() ? "" : item.scene() + " ";
          passages.add(new Passage(name, anchor, scene + "\"" + item.client() + "\""));
        }
        continue;
      }
      splitSection(name, anchor, section.blocks(), passages);
    }
    return passages;
  }

  private static void splitSection(
      String heading, String anchor, List<ArticleSections.Block> blocks, List<Passage> out) {
    Window window = new Window(heading, anchor, out);
    for (int i = 0; i < blocks.size(); i++) {
      String text = blocks.get(i).text();
      if (speaker(text).equals("client")) {
        window.flush();
        String next = i + 1 < blocks.size() ? blocks.get(i + 1).text() : "";
        if (speaker(next).equals("counselor")) {
          out.add(new Passage(heading, anchor, text + " " + next));
          i++;
        } else {
          out.add(new Passage(heading, anchor, text));
        }
      } else if (isStatement(text)) {
        window.flush();
        out.add(new Passage(heading, anchor, text));
      } else if (words(text) > LONG_BLOCK_WORDS) {
        window.flush();
        for (String piece : sentenceWindows(text)) {
          out.add(new Passage(heading, anchor, piece));
        }
      } else {
        window.add(text);
      }
    }
    window.flush();
  }

  /** "client" or "counselor" for a dialogue line, else empty. */
  private static String speaker(String block) {
    String lower = block.toLowerCase(Locale.ROOT);
    if (lower.startsWith("client:")) {
      return "client";
    }
    if (lower.startsWith("counselor:") || lower.startsWith("counsellor:")) {
      return "counselor";
    }
    return "";
  }

  /** A quoted client statement, as practice sections list them. */
  private static boolean isStatement(String block) {
    return block.startsWith("\"") || block.startsWith("\u201c");
  }

  private static int words(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = !Character.isWhitespace(text.charAt(i));
      if (letter && !inWord) {
        count++;
      }
      inWord = letter;
    }
    return count;
  }

  private static List<String> sentenceWindows(String text) {
    List<String> pieces = new ArrayList<>();
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    sentences.setText(text);
    StringBuilder piece = new StringBuilder();
    int start = sentences.first();
    for (int end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      piece.append(text, start, end);
      if (words(piece.toString()) >= WINDOW_WORDS) {
        pieces.add(piece.toString().strip());
        piece.setLength(0);
      }
    }
    if (!piece.toString().isBlank()) {
      pieces.add(piece.toString().strip());
    }
    return pieces;
  }

  /** Consecutive short blocks gathered until they hold enough words to stand alone. */
  private static final class Window {
    private final String heading;
    private final String anchor;
    private final List<Passage> out;
    private final StringBuilder text = new StringBuilder();

    Window(String heading, String anchor, List<Passage> out) {
      this.heading = heading;
      this.anchor = anchor;
      this.out = out;
    }

    void add(String block) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(block);
      if (words(text.toString()) >= WINDOW_WORDS) {
        flush();
      }
    }

    void flush() {
      if (!text.isEmpty()) {
        out.add(new Passage(heading, anchor, text.toString()));
        text.setLength(0);
      }
    }
  }
}
