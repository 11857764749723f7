package org.rapportkb.web.view;

/** One value of a search filter: following {@code url} applies it, or removes it when active. */
public record FacetLink(String label, long count, String url, boolean active) {}
