package org.rapportkb.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds a link: a path and its encoded query parameters, leaving out empty ones. */
final class QueryString {
  private final String path;
  private final StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");

  QueryString(String path) {
    this.path = path;
  }

  /** Adds {@code name=value} unless the value is null or empty. */
  QueryString add(String name, String value) {
    if (value != null && !value.isEmpty()) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return this;
  }

  QueryString add(String name, int value) {
    return add(name, Integer.toString(value));
  }

  @Override
  public String toString() {
    return path + params;
  }
}
