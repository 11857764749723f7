package org.rapportkb.web.view;

/** A form field the page keeps without showing it, such as an active search filter. */
public record HiddenField(String name, String value) {}
