# CPack: kexie as Debian packages (issue 21). scripts/package.sh builds them:
#
#   libkexie0       libkexie.so.0 and libkexie_c.so.0 (the SONAME's major in the name)
#   libkexie-dev    headers, the CMake package, kexie.pc, the .so links, the static
#                   libraries (when KEXIE_PACKAGE_STATIC_LIBS names them), the schemas
#   kexie-tools     the kexie command, its man page and bash completion
#   python3-kexie   the Python package (ctypes over libkexie_c.so.0)
#   libkexie-java   the Java binding's jar in /usr/share/java (JNA over libkexie_c.so.0),
#                   when the Java binding is built
#
# Dependencies on Debian's libraries come from dpkg-shlibdeps; those between the
# packages are exact versions. Component names: runtime, dev, tools, python, java.

# The Python package (pure Python; it loads libkexie_c.so.0 from the multiarch
# directory). EXCLUDE_FROM_ALL: a plain `cmake --install` does not write into
# Python's dist-packages; CPack installs the component by name.
if(KEXIE_BUILD_C_API)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/bindings/python/kexie"
          DESTINATION "lib/python3/dist-packages" COMPONENT python EXCLUDE_FROM_ALL
          FILES_MATCHING PATTERN "*.py" PATTERN "py.typed" PATTERN "__pycache__" EXCLUDE)
endif()

# libkexie.a for libkexie-dev, archived from the shared library's own object files
# (position-independent; hidden visibility does not hinder a static link), so the
# packages need one build, not two. Static linking also needs Boost.DateTime,
# Boost.Serialization, OpenSSL's libcrypto, libcsv and libxlsxwriter on the link line.
option(KEXIE_PACKAGE_STATIC_ARCHIVE "Put libkexie.a in libkexie-dev (scripts/package.sh)" OFF)
if(KEXIE_PACKAGE_STATIC_ARCHIVE AND BUILD_SHARED_LIBS)
  set(_kexie_archive "${PROJECT_BINARY_DIR}/static/libkexie.a")
  add_custom_command(OUTPUT "${_kexie_archive}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${PROJECT_BINARY_DIR}/static"
    COMMAND "${CMAKE_COMMAND}" -E rm -f "${_kexie_archive}"
    COMMAND "${CMAKE_AR}" qcs "${_kexie_archive}" "$<TARGET_OBJECTS:kexie>"
    DEPENDS kexie "$<TARGET_OBJECTS:kexie>"
    COMMAND_EXPAND_LISTS
    COMMENT "Archiving libkexie.a from libkexie's objects"
    VERBATIM)
  add_custom_target(kexie_static_archive ALL DEPENDS "${_kexie_archive}")
  install(FILES "${_kexie_archive}" DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev)
endif()

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "kexie")
set(CPACK_PACKAGE_VENDOR "kexie")
set(CPACK_PACKAGE_CONTACT "kexie maintainers <kexie@example.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
if(TARGET kexie_command)
  list(APPEND CPACK_COMPONENTS_ALL tools)
endif()
if(KEXIE_BUILD_C_API)
  list(APPEND CPACK_COMPONENTS_ALL python)
endif()
if(TARGET kexie_java)
  list(APPEND CPACK_COMPONENTS_ALL java)
endif()
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_SECTION "libs")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/kexie")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libkexie.so.0 is found in the build tree (not yet in a package): dpkg-shlibdeps
# must not ask for a package providing it; the exact-version Depends below do.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
    "${PROJECT_BINARY_DIR}/src;${PROJECT_BINARY_DIR}/src/c")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")

set(_kexie_so "${PROJECT_VERSION_MAJOR}")
set(_kexie_exact "(= ${PROJECT_VERSION})")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "libkexie${_kexie_so}")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "enterprise S&T association rules (shared libraries)\n\
kexie models enterprise science-and-technology associations: the registry, the\n\
activity lifecycle and exact campaign scoring. This package holds libkexie\n\
(the C++ API) and libkexie_c (the C API).")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME "libkexie-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION "libdevel")
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libkexie${_kexie_so} ${_kexie_exact}, libboost-date-time-dev, libboost-serialization-dev, librange-v3-dev, libssl-dev, libcsv-dev, libxlsxwriter-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "enterprise S&T association rules (development files)\n\
Headers (include/kexie, kexie.h), the CMake package (find_package(kexie)), the\n\
pkg-config file kexie.pc, the static libraries and the JSON Schemas of the documents.")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME "kexie-tools")
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "libkexie${_kexie_so} ${_kexie_exact}")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
    "enterprise S&T association rules (the kexie command)\n\
The kexie command: weights, agreement, scoring, snapshots and documents from the\n\
shell, with its man page and bash completion.")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME "python3-kexie")
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION "python")
set(CPACK_DEBIAN_PYTHON_PACKAGE_ARCHITECTURE "all")
set(CPACK_DEBIAN_PYTHON_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "python3 (>= 3.9), libkexie${_kexie_so} ${_kexie_exact}")
set(CPACK_COMPONENT_PYTHON_DESCRIPTION
    "enterprise S&T association rules (Python 3)\n\
The kexie Python package: ctypes over libkexie_c, standard library only.")

# Debian's Java policy: a library's jar in /usr/share/java (versioned, with an
# unversioned link), the package named lib<name>-java, depending on the jars it uses.
set(CPACK_DEBIAN_JAVA_PACKAGE_NAME "libkexie-java")
set(CPACK_DEBIAN_JAVA_PACKAGE_SECTION "java")
set(CPACK_DEBIAN_JAVA_PACKAGE_ARCHITECTURE "all")
set(CPACK_DEBIAN_JAVA_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_JAVA_PACKAGE_DEPENDS "libjna-java, libkexie${_kexie_so} ${_kexie_exact}")
set(CPACK_COMPONENT_JAVA_DESCRIPTION
    "enterprise S&T association rules (Java)\n\
The org.kexie Java 17 binding: JNA over libkexie_c, AutoCloseable handles,\n\
BigDecimal decimals and one exception class per error code.")

include(CPack)
