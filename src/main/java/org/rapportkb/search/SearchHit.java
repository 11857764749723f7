package org.rapportkb.search;

import java.util.List;

/**
 * One result of a search; {@code snippet} is HTML-escaped text with {@code <mark>} around matches.
 */
public record SearchHit(
    String slug,
    String title,
    String summary,
    String category,
    String level,
    List<String> tags,
    String url,
    float score,
    String snippet) {}
