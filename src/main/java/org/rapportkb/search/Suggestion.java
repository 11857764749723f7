package org.rapportkb.search;

import java.util.List;

/**
 * A completion for search-as-you-type: the title or alias to show, the article it opens (its slug
 * and title), whether the text is an alias, and the parts of the text that match what was typed.
 */
public record Suggestion(String text, String slug, String title, boolean alias, List<Mark> marks) {

  public Suggestion {
    marks = List.copyOf(marks);
  }

  /** A matched part of {@link #text}: characters {@code start} (inclusive) to {@code end}. */
  public record Mark(int start, int end) {}
}
