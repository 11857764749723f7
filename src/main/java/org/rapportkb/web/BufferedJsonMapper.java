package org.rapportkb.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import org.rapportkb.json.Json;

/**
 * Writes each JSON response into one byte array on the request's own thread. Javalin's Jackson
 * mapper streams responses through a pipe filled by another thread, which for responses of a few
 * kilobytes costs more than writing them.
 */
final class BufferedJsonMapper implements JsonMapper {
  @Override
  public String toJsonString(Object value, Type type) {
    return Json.write(value);
  }

  @Override
  public InputStream toJsonStream(Object value, Type type) {
    return new ByteArrayInputStream(Json.bytes(value));
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    try {
      return Json.MAPPER.readValue(json, Json.MAPPER.constructType(type));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> T fromJsonStream(InputStream json, Type type) {
    try {
      return Json.MAPPER.readValue(json, Json.MAPPER.constructType(type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
