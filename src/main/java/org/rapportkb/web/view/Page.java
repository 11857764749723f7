package org.rapportkb.web.view;

/**
 * What every page tells the shared layout.
 *
 * @param title the page's own title, shown before the site name in the browser tab
 * @param description a sentence for search engines and link previews, or null
 * @param query the text to show in the header search box, or null
 * @param section the main navigation entry this page belongs to ("home", "curriculum"...)
 * @param headerSearch whether the header shows a search box (pages with their own box do not)
 * @param liveSlug the article whose changes reload this page, or null
 * @param script a page script under {@code /static/} besides the shared one, or null
 */
public record Page(
    String title,
    String description,
    String query,
    String section,
    boolean headerSearch,
    String liveSlug,
    String script) {
  public static final String SITE_NAME = "Rapport KB";

  /** A page with a header search box and no live reload. */
  public static Page of(String title, String description, String section) {
    return new Page(title, description, null, section, true, null, null);
  }

  public Page withQuery(String newQuery) {
    return new Page(title, description, newQuery, section, headerSearch, liveSlug, script);
  }

  public Page withoutHeaderSearch() {
    return new Page(title, description, query, section, false, liveSlug, script);
  }

  public Page withLiveSlug(String slug) {
    return new Page(title, description, query, section, headerSearch, slug, script);
  }

  public Page withScript(String name) {
    return new Page(title, description, query, section, headerSearch, liveSlug, name);
  }

  /** The text of the {@code <title>} element. */
  public String fullTitle() {
    return title == null || title.isBlank() ? SITE_NAME : title + " · " + SITE_NAME;
  }

  /** {@code "page"} for the navigation link of this page's section, else null (no attribute). */
  public String current(String name) {
    return name.equals(section) ? "page" : null;
  }
}
