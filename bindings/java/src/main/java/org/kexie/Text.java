// Conversions between Java values and the C API's text forms, with the argument
// checks that keep bad values from reaching C: NUL and unpaired surrogates in
// text, negative ids, dates and instants as ISO text, decimals as exact text.
package org.kexie;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Package-private conversions. {@code Text.c("name", "浙江省科协")} */
final class Text {
  private Text() {}

  /** {@code s} as a NUL-terminated UTF-8 C string; refuses NUL and unpaired surrogates. */
  static Memory c(String what, String s) {
    Objects.requireNonNull(s, what);
    byte[] bytes = utf8(what, s);
    Memory m = new Memory(bytes.length + 1L);
    m.write(0, bytes, 0, bytes.length);
    m.setByte(bytes.length, (byte) 0);
    return m;
  }

  /** Like {@link #c} but null stays null (an optional C string). */
  static Memory cOrNull(String what, String s) {
    return s == null ? null : c(what, s);
  }

  /** {@code s} as UTF-8 bytes; refuses NUL and unpaired surrogates. */
  static byte[] utf8(String what, String s) {
    for (int i = 0; i < s.length(); ++i) {
      char ch = s.charAt(i);
      if (ch == 0) {
        throw new IllegalArgumentException("kexie: " + what + " contains a NUL character");
      }
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          ++i;
          continue;
        }
        throw new IllegalArgumentException("kexie: " + what + " has an unpaired surrogate");
      }
      if (Character.isLowSurrogate(ch)) {
        throw new IllegalArgumentException("kexie: " + what + " has an unpaired surrogate");
      }
    }
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes as a C buffer (not NUL-terminated); a 1-byte buffer for none. */
  static Memory bytes(byte[] b) {
    Memory m = new Memory(Math.max(1, b.length));
    m.write(0, b, 0, b.length);
    return m;
  }

  /** A C string decoded as UTF-8 ("" for NULL). */
  static String java(Pointer p) {
    return p == null ? "" : p.getString(0, "UTF-8");
  }

  /** A date as "YYYY-MM-DD". */
  static Memory date(String what, LocalDate d) {
    Objects.requireNonNull(d, what);
    return c(what, d.toString());
  }

  /** An optional date ("open-ended" when null). */
  static Memory dateOrNull(String what, LocalDate d) {
    return d == null ? null : date(what, d);
  }

  /** An instant as ISO 8601 text in UTC, to the microsecond (the C API's resolution). */
  static Memory instant(String what, Instant t) {
    Objects.requireNonNull(t, what);
    return c(what, t.truncatedTo(ChronoUnit.MICROS).toString());
  }

  /** An instant from microseconds since the epoch. */
  static Instant micros(long us) {
    return Instant.EPOCH.plus(us, ChronoUnit.MICROS);
  }

  /** A decimal as exact plain text (never through double). */
  static Memory decimal(String what, BigDecimal d) {
    Objects.requireNonNull(d, what);
    return c(what, d.toPlainString());
  }

  /** The C API's exact decimal text as a BigDecimal; null for "" or NULL. */
  static BigDecimal decimal(Pointer p) {
    String s = java(p);
    return s.isEmpty() ? null : new BigDecimal(s);
  }

  /** An id argument: a C uint32 that kexie never hands out as 0 or above 2^31 - 1. */
  static int id(String what, int id) {
    if (id <= 0) {
      throw new IllegalArgumentException("kexie: " + what + " must be a positive id, not " + id);
    }
    return id;
  }
}
