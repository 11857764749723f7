package org.rapportkb.web.view;

import java.util.List;

/**
 * Links to the pages of a result list.
 *
 * @param previous the page before, or null on the first page
 * @param next the page after, or null on the last page
 * @param pages numbered links, with gaps where pages are left out
 */
public record Pagination(Link previous, Link next, List<PageLink> pages) {

  /** A numbered page link; a gap is shown as an ellipsis and has no URL. */
  public record PageLink(int number, String url, boolean current, boolean gap) {}

  public boolean needed() {
    return previous != null || next != null;
  }
}
