package org.rapportkb.library;

import java.util.List;

/** An article as listed: enough to show a card and link to it. */
public record ArticleSummary(
    String slug,
    String title,
    String summary,
    String category,
    String level,
    List<String> tags,
    String url,
    String updated) {}
