// The generated enums carry kexie.h's values (the generator's --check, ctest's
// java.enums, keeps them in step with the header; this checks a few by hand).
package org.kexie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnumsTest {
  @Test
  void valuesAreTheCConstants() {
    assertEquals(0, ErrorCode.OK.value());
    assertEquals(-4, ErrorCode.ERULE.value());
    assertEquals(-1002, ErrorCode.ECALLBACK.value());
    assertEquals(OrgKind.ENTERPRISE, OrgKind.of(4));
    assertEquals(8, Focus.EFFICIENCY_GAIN.value());
    assertEquals(AuditFault.NONE, AuditFault.of(0));
    assertEquals(12, State.ARCHIVED.value());
  }
}
