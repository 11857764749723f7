package org.rapportkb.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The one binary form of the doc values that hold a record: its fields in order, as DataOutput.
 *
 * <p>Used for listings, completions, sections, sync state and passage sources.
 */
public final class DocValueCodec {
  private DocValueCodec() {}

  /** Writes the fields of one value. */
  @FunctionalInterface
  public interface Writer {
    void write(DataOutput out) throws IOException;
  }

  /** Reads back the fields a {@link Writer} wrote, in the same order. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInput in) throws IOException;
  }

  /** The doc value {@code writer} writes. */
  public static BytesRef encode(Writer writer) {
    var bytes = new ByteArrayOutputStream(256);
    try (var out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BytesRef(bytes.toByteArray());
  }

  /** The value {@code reader} reads from a doc value. */
  public static <T> T decode(BytesRef value, Reader<T> reader) {
    try (var in =
        new DataInputStream(new ByteArrayInputStream(value.bytes, value.offset, value.length))) {
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("a doc value in the index is damaged", e);
    }
  }

  /** Writes a list of strings: its size, then each string. */
  public static void writeStrings(DataOutput out, List<String> strings) throws IOException {
    out.writeShort(strings.size());
    for (String string : strings) {
      out.writeUTF(string);
    }
  }

  /** Reads a list written by {@link #writeStrings}. */
  public static List<String> readStrings(DataInput in) throws IOException {
    int count = in.readUnsignedShort();
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      strings.add(in.readUTF());
    }
    return List.copyOf(strings);
  }
}
