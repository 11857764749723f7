package org.rapportkb.article;

import java.util.List;

/**
 * What the engine reads from an article's Markdown body.
 *
 * @param markdown the body as written, kept so a reader renders it ({@link
 *     MarkdownRenderer#toHtml}) with the renderer and sanitizer of the day
 * @param text plain text with no Markdown syntax, for indexing and snippets
 * @param headings the outline of level 2 and 3 headings
 * @param clientLines what clients say in the example dialogues
 */
public record ParsedBody(
    String markdown, String text, List<Heading> headings, List<String> clientLines) {

  public ParsedBody {
    headings = List.copyOf(headings);
    clientLines = List.copyOf(clientLines);
  }
}
