package org.rapportkb.search;

/** A filter value and how many matching articles have it. */
public record FacetValue(String value, int count) {}
