package org.rapportkb.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Reads an article body into plain text, an outline and the client lines of its example dialogues,
 * and renders it to sanitized HTML for reading.
 *
 * <p>Indexing only reads: the index keeps the Markdown, and {@link #toHtml} renders it when a
 * reader opens the article (the library keeps recent pages), so a change to the renderer or the
 * sanitizer applies to every article at once, with no rebuild. The commonmark parser and renderer
 * are built once and shared; raw HTML in Markdown is escaped, link URLs are sanitized, and the HTML
 * then goes through an OWASP sanitizer policy as well, since commonmark alone does not promise safe
 * output.
 */
public final class MarkdownRenderer {
  /**
   * Ends each block in the plain text: a paragraph separator, which sentence boundaries (and so
   * snippet passages) respect and tokenizers treat as white space.
   */
  public static final String BLOCK_END = "\u2029";

  /**
   * How deeply blocks and inline spans may nest: far beyond any real article (the bundled ones
   * reach seven), far below what a small thread stack can walk.
   */
  public static final int MAX_NESTING = 64;

  private static final Pattern HEADING_ID = Pattern.compile("[a-z0-9_-]{1,200}");
  private static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), HeadingAnchorExtension.create(), AutolinkExtension.create());

  /**
   * Reads bodies for indexing. It leaves out autolinking, which only wraps a bare URL's text in a
   * link: the text, outline and dialogue it reads are the same, and finding URLs in every line of a
   * large build costs time that only a reader's page needs.
   */
  private final Parser readingParser =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  /** Parses bodies for a reader's page. */
  private final Parser pageParser = Parser.builder().extensions(EXTENSIONS).build();

  /**
   * A practice item's model response or note on it: answers, not what the article is about, so they
   * stay out of the text that search reads.
   */
  private static final Pattern MODEL_LINE = Pattern.compile("(?i)(response|why)\\s*:");

  private static final Pattern PARAGRAPH_CLASS =
      Pattern.compile("turn turn-(client|counselor|misstep|other)|why-it-works");

  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .attributeProviderFactory(context -> new DialogueClasses())
          .build();
  private final PolicyFactory policy =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("p", "pre", "code", "hr", "h2", "h3", "h4", "h5", "h6")
                  .allowAttributes("id")
                  .matching(HEADING_ID)
                  .onElements("h1", "h2", "h3", "h4", "h5", "h6")
                  .allowAttributes("class")
                  .matching(PARAGRAPH_CLASS)
                  .onElements("p")
                  .allowAttributes("align")
                  .onElements("th", "td")
                  .requireRelsOnLinks("noopener", "noreferrer")
                  .toFactory());

  /**
   * Parses Markdown for {@link #read}, bare URLs left as text; the tree keeps each block's source
   * line.
   */
  public Node parseForReading(String markdown) {
    return readingParser.parse(markdown);
  }

  /** Parses Markdown as {@link #toHtml} does, bare URLs turned into links. */
  Node parseForPage(String markdown) {
    return pageParser.parse(markdown);
  }

  /** Reads the parsed {@code document} of {@code markdown} into everything indexing needs. */
  public ParsedBody read(String markdown, Node document) {
    BodyWalker walker = new BodyWalker();
    document.accept(walker);
    return new ParsedBody(
        markdown, walker.text.toString().strip(), walker.headings, walker.clientLines);
  }

  /**
   * Renders a body to HTML that is safe to place in a page. Every indexed body has passed {@link
   * #tooDeep}; one that has not is shown as preformatted text rather than walked, so rendering can
   * never exhaust a thread's stack.
   */
  public String toHtml(String markdown) {
    Node document = parseForPage(markdown);
    if (tooDeep(document).isPresent()) {
      FencedCodeBlock text = new FencedCodeBlock();
      text.setLiteral(markdown);
      document = new Document();
      document.appendChild(text);
    }
    return policy.sanitize(renderer.render(document));
  }

  /**
   * The first node nested deeper than {@link #MAX_NESTING}, if any: each walk of the tree (reading,
   * checking, rendering) recurses once per level, so a deeper body is refused before any walk. (A
   * page's tree may be one level deeper, a bare URL's text inside its link.) This check walks the
   * tree without recursion.
   */
  public static Optional<Node> tooDeep(Node document) {
    Node node = document;
    int depth = 0;
    while (node != null) {
      if (depth > MAX_NESTING) {
        return Optional.of(node);
      }
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        depth++;
        continue;
      }
      while (node != null && node != document && node.getNext() == null) {
        node = node.getParent();
        depth--;
      }
      node = node == null || node == document ? null : node.getNext();
    }
    return Optional.empty();
  }

  /** Who speaks a dialogue line ({@code **Client:** ...}), or empty for other paragraphs. */
  static Speaker speaker(Paragraph paragraph) {
    if (!(paragraph.getFirstChild() instanceof StrongEmphasis label)) {
      return Speaker.NONE;
    }
    String who = textOf(label).strip().toLowerCase(Locale.ROOT).replace(":", "").strip();
    return switch (who) {
      case "client" -> Speaker.CLIENT;
      case "counselor", "counsellor" -> Speaker.COUNSELOR;
      case "counselor (misstep)", "counsellor (misstep)" -> Speaker.MISSTEP;
      default -> Speaker.NONE;
    };
  }

  /** The speakers of an example dialogue; a misstep is a counselor line shown as a mistake. */
  enum Speaker {
    NONE,
    CLIENT,
    COUNSELOR,
    MISSTEP
  }

  /** Marks dialogue lines and the "Why it works" note with classes the stylesheet styles. */
  private static final class DialogueClasses implements AttributeProvider {
    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      if (!(node instanceof Paragraph paragraph)) {
        return;
      }
      switch (speaker(paragraph)) {
        case CLIENT -> attributes.put("class", "turn turn-client");
        case COUNSELOR -> attributes.put("class", "turn turn-counselor");
        case MISSTEP -> attributes.put("class", "turn turn-misstep");
        case NONE -> {
          if (textOf(paragraph).startsWith("Why it works")) {
            attributes.put("class", "why-it-works");
          }
        }
      }
    }
  }

  /** The file line {@code node} starts on, in a body that starts on line {@code bodyLine}. */
  static int lineOf(Node node, int bodyLine) {
    return bodyLine
        + (node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex());
  }

  /** The plain text of a node and its descendants, Markdown syntax left out. */
  public static String textOf(Node node) {
    PlainText plain = new PlainText();
    node.accept(plain);
    return plain.toString();
  }

  /** Collects text, outline and dialogue in one pass, in document order. */
  private static final class BodyWalker extends AbstractVisitor {
    private final StringBuilder text = new StringBuilder();
    private final List<org.rapportkb.article.Heading> headings = new ArrayList<>();
    private final List<String> clientLines = new ArrayList<>();
    private final IdGenerator ids = IdGenerator.builder().build();
    private boolean inPractice;

    @Override
    public void visit(Heading heading) {
      String headingText = textOf(heading);
      if (heading.getLevel() <= 2) {
        inPractice = headingText.strip().equalsIgnoreCase("Practice");
      }
      String id = ids.generateId(headingText);
      if (heading.getLevel() >= 2 && heading.getLevel() <= 3) {
        headings.add(new org.rapportkb.article.Heading(heading.getLevel(), headingText, id));
      }
      text.append(headingText).append(BLOCK_END);
    }

    @Override
    public void visit(Paragraph paragraph) {
      String paragraphText = textOf(paragraph);
      if (inPractice && MODEL_LINE.matcher(paragraphText).lookingAt()) {
        return;
      }
      text.append(paragraphText).append(BLOCK_END);
      if (speaker(paragraph) == Speaker.CLIENT) {
        String line = paragraphText.substring(textOf(paragraph.getFirstChild()).length()).strip();
        line = line.startsWith(":") ? line.substring(1).strip() : line;
        if (!line.isEmpty()) {
          clientLines.add(line);
        }
      }
    }
  }

  /** Gathers the literal text of inline nodes; line breaks become spaces. */
  private static final class PlainText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void visit(org.commonmark.node.Text text) {
      out.append(text.getLiteral());
    }

    @Override
    public void visit(org.commonmark.node.Code code) {
      out.append(code.getLiteral());
    }

    @Override
    public void visit(org.commonmark.node.SoftLineBreak softLineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(org.commonmark.node.HardLineBreak hardLineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(org.commonmark.node.FencedCodeBlock block) {
      out.append(block.getLiteral()).append('\n');
    }

    @Override
    public void visit(org.commonmark.node.IndentedCodeBlock block) {
      out.append(block.getLiteral()).append('\n');
    }

    @Override
    protected void visitChildren(Node parent) {
      Node node = parent.getFirstChild();
      while (node != null) {
        Node next = node.getNext();
        node.accept(this);
        if (node instanceof org.commonmark.node.Block
            && out.length() > 0
            && out.charAt(out.length() - 1) != '\n') {
          out.append('\n');
        }
        node = next;
      }
    }

    @Override
    public String toString() {
      return out.toString().strip();
    }
  }
}
