package org.rapportkb.config;

/** A curriculum module: the slug used in front matter, its display name and place in the course. */
public record Category(String slug, String name, String description, int order) {}
