package org.rapportkb.web.view;

import java.util.List;

/** The values of one search filter (category, level or tag), as links. */
public record FacetGroup(String label, String param, List<FacetLink> values) {}
