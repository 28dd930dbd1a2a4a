// C shims for CSV and XLSX tables (kexie/table*.hpp): one core call each.
#include <string>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/table_export.hpp"
#include "kexie/table_import.hpp"

namespace {

using ImportFn = kexie::Status (*)(kexie::Campaign&, const kexie::Registry&, const kexie::Table&,
                                   kexie::TablePlace*);

int import_csv(kx_campaign* campaign, const kx_registry* registry, const char* path, int encoding,
               ImportFn fn) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_NEED(path);
    KX_TRY_ASSIGN(const kexie::TextEncoding e,
                  kx::enum_arg<kexie::TextEncoding>(encoding, "encoding"));
    KX_TRY_ASSIGN(const kexie::Table t, kexie::Table::read_file(path, {.encoding = e}));
    return fn(campaign->campaign(), registry->registry(), t, nullptr);
  });
}

kexie::Result<std::vector<kexie::ResultSheet>> sheets_of(const kx_scoreboard& board,
                                                         const kx_campaign& campaign,
                                                         const kx_registry& registry) {
  return kexie::result_sheets(campaign.campaign(), registry.registry(), board.board);
}

}  // namespace

extern "C" {

int kx_campaign_import_assignments_csv(kx_campaign* campaign, const kx_registry* registry,
                                       const char* path, int encoding) {
  return import_csv(campaign, registry, path, encoding, kexie::import_assignments);
}

int kx_campaign_import_marks_csv(kx_campaign* campaign, const kx_registry* registry,
                                 const char* path, int encoding) {
  return import_csv(campaign, registry, path, encoding, kexie::import_marks);
}

int kx_campaign_import_vetoes_csv(kx_campaign* campaign, const kx_registry* registry,
                                  const char* path, int encoding) {
  return import_csv(campaign, registry, path, encoding, kexie::import_vetoes);
}

int kx_scoreboard_write_xlsx(const kx_scoreboard* board, const kx_campaign* campaign,
                             const kx_registry* registry, const char* path) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(board);
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_NEED(path);
    KX_TRY_ASSIGN(const auto sheets, sheets_of(*board, *campaign, *registry));
    return kexie::write_xlsx(sheets, path);
  });
}

int kx_scoreboard_sheet_count(size_t* out, const kx_scoreboard* board, const kx_campaign* campaign,
                              const kx_registry* registry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    KX_NEED(board);
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const auto sheets, sheets_of(*board, *campaign, *registry));
    *out = sheets.size();
    return KX_OK;
  });
}

int kx_scoreboard_sheet_csv(char** out, size_t* length, char** name, const kx_scoreboard* board,
                            const kx_campaign* campaign, const kx_registry* registry, size_t index,
                            int encoding) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    if (name != nullptr) *name = nullptr;
    KX_NEED(length);
    KX_NEED(board);
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::TextEncoding e,
                  kx::enum_arg<kexie::TextEncoding>(encoding, "encoding"));
    KX_TRY_ASSIGN(const auto sheets, sheets_of(*board, *campaign, *registry));
    if (index >= sheets.size()) {
      return kx::invalid("sheet " + std::to_string(index) + " is past the last of " +
                         std::to_string(sheets.size()));
    }
    KX_TRY_ASSIGN(const std::string csv, kexie::to_csv(sheets[index], e));
    char* sheet_name = nullptr;
    if (name != nullptr) {
      if (kx::Rc rc = kx::give(&sheet_name, sheets[index].name); rc.code() != KX_OK) return rc;
    }
    if (kx::Rc rc = kx::give(out, csv); rc.code() != KX_OK) {
      kx_string_free(sheet_name);
      return rc;
    }
    *length = csv.size();
    if (name != nullptr) *name = sheet_name;
    return KX_OK;
  });
}

}  // extern "C"
