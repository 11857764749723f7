package org.rapportkb.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled JTE pages; every template takes one parameter, its view. */
final class Templates {
  static final String HTML = "text/html; charset=utf-8";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  String render(String template, Object view) {
    StringOutput output = new StringOutput();
    engine.render(template, view, output);
    return output.toString();
  }

  void render(Context ctx, String template, Object view) {
    ctx.contentType(HTML).result(render(template, view));
  }
}
