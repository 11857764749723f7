package org.rapportkb.article;

import java.util.List;

/**
 * What the engine derives from an article's Markdown body.
 *
 * @param html sanitized HTML, safe to place in a page
 * @param text plain text with no Markdown syntax, for indexing and snippets
 * @param headings the outline of level 2 and 3 headings
 * @param clientLines what clients say in the example dialogues
 */
public record RenderedBody(
    String html, String text, List<Heading> headings, List<String> clientLines) {

  public RenderedBody {
    headings = List.copyOf(headings);
    clientLines = List.copyOf(clientLines);
  }
}
