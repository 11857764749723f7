package org.rapportkb.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds markup in HTML that a browser would run or that would load something active: script
 * elements, event-handler attributes, script and data URLs (entity-encoded or not), frames,
 * plugins, SVG and MathML, style and meta refresh.
 *
 * <p>{@link #inFragment} holds sanitized article HTML to an allowlist of harmless elements; {@link
 * #inPage} accepts what a whole page of this site may carry (same-origin script files, style
 * sheets, a search form, inline SVG icons) and flags everything else the same way.
 */
final class ExecutableMarkup {
  private static final Pattern TAG =
      Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
  private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?");
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("colon", ":"),
          Map.entry("tab", "\t"),
          Map.entry("newline", "\n"),
          Map.entry("sol", "/"),
          Map.entry("lpar", "("),
          Map.entry("rpar", ")"),
          Map.entry("nbsp", " "));

  /** Elements sanitized article HTML may contain. */
  private static final Set<String> FRAGMENT_ELEMENTS =
      Set.of(
          "p",
          "a",
          "em",
          "strong",
          "b",
          "i",
          "u",
          "s",
          "del",
          "ins",
          "code",
          "pre",
          "br",
          "hr",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "blockquote",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "th",
          "td",
          "caption",
          "sub",
          "sup",
          "span",
          "div",
          "img");

  /**
   * Elements that run code or load active content wherever they appear. (A page may draw its own
   * inline SVG icons; an SVG handler or script is caught by the attribute and script checks.)
   */
  private static final Set<String> ACTIVE_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "math",
          "foreignobject",
          "style",
          "base",
          "template",
          "portal",
          "xml",
          "import",
          "noscript",
          "param",
          "xss");

  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "xlink:href",
          "data",
          "poster",
          "background",
          "srcset",
          "ping",
          "cite",
          "lowsrc",
          "dynsrc",
          "codebase",
          "manifest",
          "icon");

  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

  private ExecutableMarkup() {}

  /** Problems in a fragment of article HTML; empty when it is inert. */
  static List<String> inFragment(String html) {
    return find(html, false);
  }

  /** Problems in a whole page of this site; empty when nothing in it runs but its own files. */
  static List<String> inPage(String html) {
    return find(html, true);
  }

  private static List<String> find(String html, boolean page) {
    List<String> problems = new ArrayList<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      boolean closing = !tag.group(1).isEmpty();
      String name = tag.group(2).toLowerCase(Locale.ROOT);
      String raw = tag.group();
      if (closing) {
        continue;
      }
      List<String[]> attributes = attributes(tag.group(3));
      if (page) {
        checkPageElement(name, attributes, html, tag.end(), raw, problems);
      } else if (!FRAGMENT_ELEMENTS.contains(name)) {
        problems.add("element not allowed in article HTML: " + abbreviate(raw));
      }
      for (String[] attribute : attributes) {
        checkAttribute(name, attribute[0], attribute[1], raw, problems);
      }
    }
    return problems;
  }

  private static void checkPageElement(
      String name,
      List<String[]> attributes,
      String html,
      int end,
      String raw,
      List<String> problems) {
    String src = value(attributes, "src");
    switch (name) {
      case "script" -> {
        int close = html.toLowerCase(Locale.ROOT).indexOf("</script", end);
        boolean inline = close < 0 || !html.substring(end, close).isBlank();
        if (src == null || !sameOrigin(src) || inline) {
          problems.add("script that is not a same-origin file: " + abbreviate(raw));
        }
      }
      case "link" -> {
        String href = value(attributes, "href");
        if (href == null || !sameOrigin(href)) {
          problems.add("link to another origin: " + abbreviate(raw));
        }
      }
      case "meta" -> {
        if (value(attributes, "http-equiv") != null) {
          problems.add("meta http-equiv: " + abbreviate(raw));
        }
      }
      case "form" -> {
        String action = value(attributes, "action");
        if (action != null && !sameOrigin(action)) {
          problems.add("form posting elsewhere: " + abbreviate(raw));
        }
      }
      default -> {
        if (ACTIVE_ELEMENTS.contains(name)) {
          problems.add("active element: " + abbreviate(raw));
        }
      }
    }
  }

  private static void checkAttribute(
      String element, String name, String value, String raw, List<String> problems) {
    String attribute = name.toLowerCase(Locale.ROOT);
    if (attribute.startsWith("on")) {
      problems.add("event handler: " + abbreviate(raw));
      return;
    }
    if (attribute.equals("srcdoc")) {
      problems.add("srcdoc: " + abbreviate(raw));
      return;
    }
    if (value == null) {
      return;
    }
    String decoded = normalized(decode(value));
    if (attribute.equals("style")
        && (decoded.contains("expression(")
            || decoded.contains("url(")
            || decoded.contains("javascript:"))) {
      problems.add("active style: " + abbreviate(raw));
    }
    if (URL_ATTRIBUTES.contains(attribute)
        || (element.equals("meta") && attribute.equals("content"))) {
      Matcher scheme = SCHEME.matcher(decoded);
      if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1))) {
        problems.add("unsafe URL scheme '" + scheme.group(1) + "': " + abbreviate(raw));
      }
      if (decoded.contains("javascript:") || decoded.contains("vbscript:")) {
        problems.add("script URL: " + abbreviate(raw));
      }
    }
  }

  private static List<String[]> attributes(String text) {
    List<String[]> attributes = new ArrayList<>();
    Matcher attribute = ATTRIBUTE.matcher(text);
    while (attribute.find()) {
      String value =
          attribute.group(2) != null
              ? attribute.group(2)
              : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
      attributes.add(new String[] {attribute.group(1), value});
    }
    return attributes;
  }

  private static String value(List<String[]> attributes, String name) {
    for (String[] attribute : attributes) {
      if (attribute[0].equalsIgnoreCase(name)) {
        return attribute[1] == null ? "" : decode(attribute[1]);
      }
    }
    return null;
  }

  private static boolean sameOrigin(String url) {
    String u = normalized(url);
    return u.startsWith("/") && !u.startsWith("//") && !u.startsWith("/\\");
  }

  /** Decodes character references once, the way a browser reads an attribute value. */
  static String decode(String value) {
    Matcher entity = ENTITY.matcher(value);
    StringBuilder out = new StringBuilder();
    while (entity.find()) {
      String name = entity.group(1);
      String replacement;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        replacement = codePoint(name.substring(2), 16);
      } else if (name.startsWith("#")) {
        replacement = codePoint(name.substring(1), 10);
      } else {
        replacement = NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), entity.group());
      }
      entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    entity.appendTail(out);
    return out.toString();
  }

  private static String codePoint(String digits, int radix) {
    try {
      int cp = Integer.parseInt(digits, radix);
      return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "\uFFFD";
    } catch (NumberFormatException e) {
      return "\uFFFD";
    }
  }

  /** Lowercase, with the white space and control characters browsers skip in URLs removed. */
  private static String normalized(String url) {
    StringBuilder out = new StringBuilder(url.length());
    url.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "…";
  }
}
