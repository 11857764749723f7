package org.rapportkb.article;

import java.util.ArrayList;
import java.util.List;

/**
 * An article's plain text cut at its headings: each section with its heading, anchor, and the
 * blocks (paragraphs, list items) it holds, with their offsets in the text.
 */
public final class ArticleSections {
  /** A block of text and where it starts in the article's plain text. */
  public record Block(String text, int start) {}

  /** The blocks under one heading; the blocks before the first heading have a null heading. */
  public record Section(Heading heading, int start, List<Block> blocks) {}

  private final List<Section> sections;

  private ArticleSections(List<Section> sections) {
    this.sections = List.copyOf(sections);
  }

  /** Cuts {@code text} (see {@link MarkdownRenderer#BLOCK_END}) at {@code headings}. */
  public static ArticleSections of(String text, List<Heading> headings) {
    List<Section> sections = new ArrayList<>();
    Heading current = null;
    int currentStart = 0;
    List<Block> blocks = new ArrayList<>();
    int next = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf(MarkdownRenderer.BLOCK_END, start);
      if (end < 0) {
        end = text.length();
      }
      String block = text.substring(start, end).strip();
      if (next < headings.size() && block.equals(headings.get(next).text())) {
        if (current != null || !blocks.isEmpty()) {
          sections.add(new Section(current, currentStart, blocks));
        }
        current = headings.get(next++);
        currentStart = start;
        blocks = new ArrayList<>();
      } else if (!block.isEmpty()) {
        blocks.add(new Block(block, start));
      }
      start = end + MarkdownRenderer.BLOCK_END.length();
    }
    if (current != null || !blocks.isEmpty()) {
      sections.add(new Section(current, currentStart, blocks));
    }
    return new ArticleSections(sections);
  }

  public List<Section> sections() {
    return sections;
  }

  /** Each heading with the offset where its section starts, in order. */
  public List<Start> starts() {
    List<Start> starts = new ArrayList<>();
    for (Section section : sections) {
      if (section.heading() != null) {
        starts.add(new Start(section.start(), section.heading()));
      }
    }
    return starts;
  }

  /** Whether a section under {@code heading} is the list of sources, which says nothing of use. */
  public static boolean isReferenceList(String heading) {
    String text = heading.strip().toLowerCase(java.util.Locale.ROOT);
    return text.equals("sources") || text.equals("references");
  }

  /** Where a heading's section starts in the plain text. */
  public record Start(int offset, Heading heading) {}

  /** The heading of the section in {@code starts} that holds {@code offset}; null before all. */
  public static Heading headingAt(List<Start> starts, int offset) {
    Heading found = null;
    for (Start start : starts) {
      if (start.offset() > offset) {
        break;
      }
      found = start.heading();
    }
    return found;
  }
}
