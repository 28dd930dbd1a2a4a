// The C API of the documents (issue 14): registries, campaigns with entries and
// marks, and results as JSON; refusals carry every problem (kx_error_problem).
#include <string>
#include <string_view>

#include "capi.hpp"
#include "handles.hpp"
#include "kexie/campaign_document.hpp"
#include "kexie/entries_document.hpp"
#include "kexie/registry_document.hpp"
#include "kexie/results_document.hpp"

namespace {

// The bytes of a (pointer, length) argument; NULL, or a length no buffer can have
// (more than PTRDIFF_MAX bytes), is refused before a byte is read.
kexie::Result<std::string_view> bytes(const char* data, size_t length, const char* what,
                                      const char* length_name) {
  if (data == nullptr) return kx::null_arg(what);
  KX_TRY(kx::array_size(length, 1, length_name));
  return std::string_view(data, length);
}

}  // namespace

int kx_registry_from_document(kx_registry** out, const char* json, size_t length) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_TRY_ASSIGN(const std::string_view text, bytes(json, length, "json", "length"));
    auto r = kexie::read_registry_document(text);
    if (!r) return kx::fail_document(r.error(), r.problems());
    kexie::LoadedRegistry loaded = std::move(r).value();
    auto handle = std::make_unique<kx_registry>(std::move(loaded.registry));
    handle->codes = std::move(loaded.codes);
    *out = handle.release();
    return KX_OK;
  });
}

int kx_registry_to_document(char** out, const kx_registry* registry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(registry);
    return kx::give(out, kexie::write_registry_document(registry->registry(), registry->codes));
  });
}

int kx_campaign_from_documents(kx_campaign** out, const kx_registry* registry,
                               const char* campaign_json, size_t campaign_length,
                               const char* entries_json, size_t entries_length) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(registry);
    KX_TRY_ASSIGN(const std::string_view rules_text,
                  bytes(campaign_json, campaign_length, "campaign_json", "campaign_length"));
    auto rules = kexie::read_campaign_document(rules_text);
    if (!rules) return kx::fail_document(rules.error(), rules.problems());
    kexie::CampaignEntries entries;
    if (entries_json == nullptr && entries_length != 0) {
      return kx::invalid("entries_json is NULL but entries_length is " +
                         std::to_string(entries_length));
    }
    if (entries_json != nullptr) {
      KX_TRY_ASSIGN(const std::string_view entries_text,
                    bytes(entries_json, entries_length, "entries_json", "entries_length"));
      auto e = kexie::read_entries_document(entries_text, registry->codes);
      if (!e) return kx::fail_document(e.error(), e.problems());
      entries = std::move(e).value();
    }
    auto c = kexie::load_campaign(registry->registry(), registry->codes, rules.value(), entries);
    if (!c) return kx::fail_document(c.error(), c.problems());
    *out = std::make_unique<kx_campaign>(std::move(c).value()).release();
    return KX_OK;
  });
}

int kx_scoreboard_to_document(char** out, const kx_scoreboard* board, const kx_campaign* campaign,
                              const kx_registry* registry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(board);
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const std::string text, kexie::write_results_document(
                                              campaign->campaign(), board->board, registry->codes));
    return kx::give(out, text);
  });
}

// ---- Writing a live campaign as documents (r4-formats) --------------------------------

int kx_campaign_to_documents(char** rules_json, char** entries_json, const kx_campaign* campaign,
                             const kx_registry* registry) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(rules_json);
    *rules_json = nullptr;
    KX_NEED(entries_json);
    *entries_json = nullptr;
    KX_NEED(campaign);
    KX_NEED(registry);
    const kexie::Campaign& c = campaign->campaign();
    std::string organizer = kexie::to_string(c.spec().organizer);
    for (const auto& [code, id] : registry->codes.organizations) {
      if (id == c.spec().organizer) {
        organizer = code;
        break;
      }
    }
    std::string rules = kexie::write_campaign_document(kexie::campaign_rules(c, organizer));
    std::string entries =
        kexie::write_entries_document(kexie::campaign_entries(c), registry->codes);
    if (kx::Rc rc = kx::give(rules_json, rules); rc.code() != KX_OK) return rc;
    if (kx::Rc rc = kx::give(entries_json, entries); rc.code() != KX_OK) {
      kx_string_free(*rules_json);
      *rules_json = nullptr;
      return rc;
    }
    return KX_OK;
  });
}

// ---- results document: explanations in summary or in full (issue 15) ----------------

int kx_scoreboard_to_document_with(char** out, const kx_scoreboard* board,
                                   const kx_campaign* campaign, const kx_registry* registry,
                                   uint32_t explanations) {
  return kx::guard([&]() -> kx::Rc {
    KX_NEED(out);
    *out = nullptr;
    KX_NEED(board);
    KX_NEED(campaign);
    KX_NEED(registry);
    KX_TRY_ASSIGN(const kexie::ResultsExplanations form,
                  kx::enum_arg<kexie::ResultsExplanations>(explanations, "explanations"));
    KX_TRY_ASSIGN(const std::string text,
                  kexie::write_results_document(campaign->campaign(), board->board, registry->codes,
                                                {.explanations = form}));
    return kx::give(out, text);
  });
}
