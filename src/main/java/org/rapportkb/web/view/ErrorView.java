package org.rapportkb.web.view;

/** A page explaining what went wrong and where to go instead. */
public record ErrorView(Page page, int status, String heading, String message, Site site) {}
