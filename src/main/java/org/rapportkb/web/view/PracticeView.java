package org.rapportkb.web.view;

import java.util.List;
import org.rapportkb.library.PracticeItem;

/**
 * The practice page: one client line to answer, and the counselor's reply to reveal.
 *
 * @param item the exchange shown, or null when no article matches the filters
 * @param number its 1-based number among {@code total}
 * @param category the category filter, or null
 * @param level the level filter, or null
 * @param anotherUrl a link to another exchange with the same filters
 */
public record PracticeView(
    Page page,
    PracticeItem item,
    int number,
    int total,
    String category,
    String level,
    String anotherUrl,
    List<String> levels,
    Site site) {}
