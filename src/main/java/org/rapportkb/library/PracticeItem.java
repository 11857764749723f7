package org.rapportkb.library;

/** A client line to respond to, the counselor reply from the article, and where it comes from. */
public record PracticeItem(
    String client, String counselor, String slug, String title, String category, String level) {}
