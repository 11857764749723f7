package org.rapportkb.library;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rapportkb.article.MarkdownRenderer;

/**
 * The HTML of recently opened articles, kept by their Markdown so an article opened again is not
 * rendered again; a saved change is new Markdown, so a kept page can never show an old version.
 */
final class RenderedPages {
  private final MarkdownRenderer renderer;
  private final Map<String, String> kept;

  /**
   * @param capacity how many pages to keep; the least recently opened goes first
   */
  RenderedPages(MarkdownRenderer renderer, int capacity) {
    this.renderer = renderer;
    this.kept =
        new LinkedHashMap<>(capacity * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
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
    synchronized (kept) {
      kept.put(markdown, html);
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
