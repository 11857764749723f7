package org.rapportkb.cli;

/** Turns an HTML snippet into terminal text: matches in asterisks, entities decoded. */
final class TerminalText {
  private TerminalText() {}

  static String fromSnippet(String snippet) {
    return snippet
        .replace("<mark>", "*")
        .replace("</mark>", "*")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }
}
