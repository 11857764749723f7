package org.rapportkb.article;

/** An entry of an article's outline: heading level, text and the anchor id in its HTML. */
public record Heading(int level, String text, String id) {}
