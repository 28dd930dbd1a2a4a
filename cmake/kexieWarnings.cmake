# Warning and floating-point flags shared by every kexie target.
# -ffp-contract=off keeps a*b+c from being fused into an FMA, so the few
# floating-point steps (eigenvectors, square roots) round the same way on every
# compiler and optimization level before they are quantized.
add_library(kexie_build_flags INTERFACE)
target_compile_options(kexie_build_flags INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -ffp-contract=off>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra -Wpedantic -ffp-contract=off>
  $<$<BOOL:${KEXIE_WERROR}>:-Werror>)

# Aggregates are written with designated initializers that name only the fields
# they set (`MemberFilter{.young = true}`), the way the headers document them.
# g++ before 13 warns about every field left out under -Wextra even though a
# designated initializer takes the defaults by definition (GCC bug 96868, fixed in
# 13); clang and newer GCC do not, so the warning stays on for them.
target_compile_options(kexie_build_flags INTERFACE
  $<$<AND:$<COMPILE_LANG_AND_ID:CXX,GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-missing-field-initializers>)

# kexie_target_flags(<target>): apply the flags without exporting them.
function(kexie_target_flags target)
  target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:kexie_build_flags>)
endfunction()
