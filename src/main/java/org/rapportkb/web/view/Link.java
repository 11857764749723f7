package org.rapportkb.web.view;

/** A labelled URL: breadcrumbs, actions and filter chips. */
public record Link(String label, String url) {}
