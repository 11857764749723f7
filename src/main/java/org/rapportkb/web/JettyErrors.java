package org.rapportkb.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches the application (an unreadable or too
 * long address, headers too large, a body over the limit) with the same bodies and security headers
 * as {@link ErrorMapping}, and never a stack trace.
 */
final class JettyErrors extends ErrorHandler {
  private final ErrorMapping errors;

  JettyErrors(ErrorMapping errors) {
    this.errors = errors;
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setShowOrigin(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    SecurityHeaders.apply(response.getHeaders());
    return super.handle(request, response, callback);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    String path = request.getHttpURI() == null ? "/" : request.getHttpURI().getPath();
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    boolean json =
        ErrorMapping.wantsJson(path == null ? "/" : path)
            || (accept != null && accept.contains("json") && !accept.contains("html"));
    ErrorMapping.Body body = errors.body(status, null, path == null ? "/" : path, json, null);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
    SecurityHeaders.apply(response.getHeaders());
    response.write(true, ByteBuffer.wrap(body.text().getBytes(StandardCharsets.UTF_8)), callback);
  }
}
