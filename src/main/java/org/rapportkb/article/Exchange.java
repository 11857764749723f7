package org.rapportkb.article;

/** A client line from an example dialogue and the counselor's reply that follows it. */
public record Exchange(String client, String counselor) {}
