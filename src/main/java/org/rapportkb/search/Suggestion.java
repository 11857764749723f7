package org.rapportkb.search;

/** A completion for search-as-you-type: the title or alias to show and the article it opens. */
public record Suggestion(String text, String slug) {}
