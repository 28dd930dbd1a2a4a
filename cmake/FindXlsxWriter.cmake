# FindXlsxWriter: Debian's libxlsxwriter (libxlsxwriter-dev), which writes kexie's
# XLSX results. Defines XlsxWriter_FOUND and the imported target XlsxWriter::XlsxWriter.
find_path(XlsxWriter_INCLUDE_DIR NAMES xlsxwriter.h)
find_library(XlsxWriter_LIBRARY NAMES xlsxwriter)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(XlsxWriter REQUIRED_VARS XlsxWriter_LIBRARY XlsxWriter_INCLUDE_DIR)
if(XlsxWriter_FOUND AND NOT TARGET XlsxWriter::XlsxWriter)
  add_library(XlsxWriter::XlsxWriter UNKNOWN IMPORTED)
  set_target_properties(XlsxWriter::XlsxWriter PROPERTIES
    IMPORTED_LOCATION "${XlsxWriter_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${XlsxWriter_INCLUDE_DIR}")
endif()
mark_as_advanced(XlsxWriter_INCLUDE_DIR XlsxWriter_LIBRARY)
