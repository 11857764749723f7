package org.rapportkb.semantic;

/**
 * A piece of an article that carries meaning on its own: the overview, a few sentences of a
 * section, a client line with the counselor's reply, or a practice statement.
 *
 * @param heading the section it comes from, as shown to readers (the title for the overview)
 * @param anchor the section's anchor in the article page, empty for the top of the page
 * @param text the passage as readers see it
 */
public record Passage(String heading, String anchor, String text) {

  /** What is embedded: the article's title gives every passage its context. */
  public String embeddingText(String title) {
    return text.startsWith(title) ? text : title + ". " + text;
  }
}
