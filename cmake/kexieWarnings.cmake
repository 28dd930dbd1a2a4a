# Warning and floating-point flags shared by every kexie target.
# -ffp-contract=off keeps a*b+c from being fused into an FMA, so the few
# floating-point steps (eigenvectors, square roots) round the same way on every
# compiler and optimization level before they are quantized.
add_library(kexie_build_flags INTERFACE)
target_compile_options(kexie_build_flags INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -ffp-contract=off>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra -Wpedantic -ffp-contract=off>
  $<$<BOOL:${KEXIE_WERROR}>:-Werror>)

# kexie_target_flags(<target>): apply the flags without exporting them.
function(kexie_target_flags target)
  target_link_libraries(${target} PRIVATE $<BUILD_INTERFACE:kexie_build_flags>)
endfunction()
