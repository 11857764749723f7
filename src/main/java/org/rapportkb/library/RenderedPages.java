package org.rapportkb.library;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rapportkb.article.MarkdownRenderer;

/**
 * The HTML of recently opened articles, kept by their Markdown so an article opened again is not
 * rendered again; a saved change is new Markdown, so a kept page can never show an old version.
 * What is kept is bounded by its size in characters, Markdown and HTML together.
 */
final class RenderedPages {
  private final MarkdownRenderer renderer;
  private final long maxChars;
  private final Map<String, String> kept = new LinkedHashMap<>(64, 0.75f, true);
  private long keptChars;

  /**
   * @param maxChars how many characters of Markdown and HTML to keep; the least recently opened
   *     page goes first, and a page larger than this is rendered each time
   */
  RenderedPages(MarkdownRenderer renderer, long maxChars) {
    this.renderer = renderer;
    this.maxChars = maxChars;
  }

  /** The sanitized HTML of a body, rendered now or kept from an earlier opening. */
  String html(String markdown) {
    synchronized (kept) {
      String html = kept.get(markdown);
      if (html != null) {
        return html;
      }
    }
    String html = renderer.toHtml(markdown);
    long size = (long) markdown.length() + html.length();
    if (size <= maxChars) {
      synchronized (kept) {
        if (kept.put(markdown, html) == null) {
          keptChars += size;
        }
        Iterator<Map.Entry<String, String>> eldest = kept.entrySet().iterator();
        while (keptChars > maxChars) {
          Map.Entry<String, String> page = eldest.next();
          keptChars -= page.getKey().length() + page.getValue().length();
          eldest.remove();
        }
      }
    }
    return html;
  }

  /** How many pages are kept now. */
  int size() {
    synchronized (kept) {
      return kept.size();
    }
  }
}
