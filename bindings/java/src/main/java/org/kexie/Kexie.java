// The library as a whole: its version, and the helpers the handles share for
// strings the C API allocates.
package org.kexie;

import com.sun.jna.Pointer;

/**
 * The loaded libkexie_c. It is found through the system property {@code kexie.library}, else
 * the environment variable {@code KEXIE_LIBRARY} (a path), else the name {@code kexie_c} on
 * JNA's search path.
 *
 * <pre>{@code System.out.println(Kexie.version());}</pre>
 */
public final class Kexie {
  private Kexie() {}

  /** The library's version, e.g. "0.9.0". {@code Kexie.version()} */
  public static String version() {
    return Native.C.kx_version_string();
  }

  /** A string the library allocated, decoded as UTF-8 and freed. */
  static String take(Pointer p) {
    try {
      return Text.java(p);
    } finally {
      Native.C.kx_string_free(p);
    }
  }

  /** Reads a size_t that a C call wrote at {@code m}. */
  static long size(com.sun.jna.Memory m) {
    return com.sun.jna.Native.SIZE_T_SIZE == 8 ? m.getLong(0) : Integer.toUnsignedLong(m.getInt(0));
  }

  /** Memory for a size_t output. */
  static com.sun.jna.Memory sizeOut() {
    return new com.sun.jna.Memory(com.sun.jna.Native.SIZE_T_SIZE);
  }
}
