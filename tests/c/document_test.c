/* The documents through the C API: the demo's registry, rules and entries load,
 * score to the demo digest and write results; a refused document lists every
 * problem with its pointer, line and column. */
#include <stdlib.h>
#include <string.h>

#include "kx_test.h"

static char* slurp(const char* name, size_t* length) {
  char path[1024];
  snprintf(path, sizeof path, "%s/examples/data/%s", KEXIE_SOURCE_DIR, name);
  FILE* f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)n + 1);
  if (text != NULL && fread(text, 1, (size_t)n, f) != (size_t)n) {
    free(text);
    text = NULL;
  }
  fclose(f);
  if (text != NULL) text[n] = '\0';
  *length = (size_t)n;
  return text;
}

static void demo_from_documents(void) {
  size_t nr = 0, nc = 0, ne = 0;
  char* registry_text = slurp("registry.json", &nr);
  char* rules_text = slurp("campaign.json", &nc);
  char* entries_text = slurp("entries.json", &ne);
  CHECK(registry_text != NULL && rules_text != NULL && entries_text != NULL);
  if (!registry_text || !rules_text || !entries_text) return;
  kx_registry* reg = NULL;
  OK(kx_registry_from_document(&reg, registry_text, nr));
  char* again = NULL;
  OK(kx_registry_to_document(&again, reg));
  CHECK(again != NULL && strlen(again) == nr && memcmp(again, registry_text, nr) == 0);
  kx_string_free(again);
  kx_campaign* c = NULL;
  OK(kx_campaign_from_documents(&c, reg, rules_text, nc, entries_text, ne));
  kx_scoreboard* board = NULL;
  OK(kx_campaign_score(&board, c));
  char* results = NULL;
  OK(kx_scoreboard_to_document(&results, board, c, reg));
  CHECK(results != NULL && strstr(results,
                                  "\"digest\": \"06b581a1a9064e963ddb672bab79ba3df3efc"
                                  "3879c5bd868f9df0443c7aec57f\"") != NULL);
  CHECK(strstr(results, "\"explanations\": \"summary\"") != NULL);
  CHECK(strstr(results, "\"zh\": ") == NULL);
  char* full = NULL;
  OK(kx_scoreboard_to_document_with(&full, board, c, reg, KX_EXPLANATIONS_FULL));
  CHECK(full != NULL && strstr(full, "\"explanations\": \"full\"") != NULL);
  CHECK(full != NULL && strstr(full, "\"zh\": ") != NULL && strlen(full) > 3 * strlen(results));
  kx_string_free(full);
  char* same = NULL;
  OK(kx_scoreboard_to_document_with(&same, board, c, reg, KX_EXPLANATIONS_SUMMARY));
  CHECK(same != NULL && strcmp(same, results) == 0);
  kx_string_free(same);
  char* bad = (char*)"untouched";
  FAILS(KX_EINVALID, kx_scoreboard_to_document_with(&bad, board, c, reg, 2));
  CHECK(bad == NULL);
  kx_string_free(results);
  /* Written from the live campaign: the rules come back with their AHP judgements and
     the entries as the bundled bytes; read again, the same digest. */
  char* rules_out = NULL;
  char* entries_out = NULL;
  OK(kx_campaign_to_documents(&rules_out, &entries_out, c, reg));
  CHECK(rules_out != NULL && strlen(rules_out) == nc && memcmp(rules_out, rules_text, nc) == 0);
  CHECK(entries_out != NULL && strlen(entries_out) == ne &&
        memcmp(entries_out, entries_text, ne) == 0);
  kx_campaign* reread = NULL;
  OK(kx_campaign_from_documents(&reread, reg, rules_out, strlen(rules_out), entries_out,
                                strlen(entries_out)));
  kx_scoreboard* board2 = NULL;
  OK(kx_campaign_score(&board2, reread));
  char* results2 = NULL;
  OK(kx_scoreboard_to_document(&results2, board2, reread, reg));
  CHECK(results2 != NULL && strstr(results2,
                                   "\"digest\": \"06b581a1a9064e963ddb672bab79ba3df3efc"
                                   "3879c5bd868f9df0443c7aec57f\"") != NULL);
  kx_string_free(results2);
  kx_scoreboard_free(board2);
  kx_campaign_free(reread);
  kx_string_free(rules_out);
  kx_string_free(entries_out);
  /* Rules only (no entries document): a campaign without entries. */
  kx_campaign* empty = NULL;
  OK(kx_campaign_from_documents(&empty, reg, rules_text, nc, NULL, 0));
  kx_campaign_free(empty);
  kx_scoreboard_free(board);
  kx_campaign_free(c);
  kx_registry_free(reg);
  free(registry_text);
  free(rules_text);
  free(entries_text);
}

static void problems_are_listed(void) {
  const char* text =
      "{\n"
      "  \"format\": \"kexie.registry/1\",\n"
      "  \"organizations\": [\n"
      "    {\"code\": \"CAST\", \"kind\": \"nation\", \"name\": \"中国科协\", \"effective\": "
      "\"1958-09-18\"},\n"
      "    {\"code\": \"ZJ\", \"kind\": \"local\", \"name\": \"浙江\", \"parent\": \"CAST\", "
      "\"efective\": 1}\n"
      "  ]\n"
      "}\n";
  kx_registry* reg = (kx_registry*)1;
  FAILS(KX_EINVALID, kx_registry_from_document(&reg, text, strlen(text)));
  CHECK(reg == NULL);
  CHECK(kx_error_problem_count() == 3);
  const kx_document_problem* p = kx_error_problem(0);
  CHECK(p != NULL && strcmp(p->pointer, "/organizations/0/kind") == 0 && p->line == 4 &&
        p->column == 30);
  p = kx_error_problem(1);
  CHECK(p != NULL && strcmp(p->pointer, "/organizations/1/efective") == 0);
  p = kx_error_problem(2);
  CHECK(p != NULL && strcmp(p->pointer, "/organizations/1/effective") == 0);
  CHECK(kx_error_problem(3) == NULL);
  /* Another failure resets the list. */
  FAILS(KX_EINVALID, kx_registry_from_document(NULL, text, strlen(text)));
  CHECK(kx_error_problem_count() == 0);
  /* Malformed JSON: one problem with its position. */
  FAILS(KX_ECORRUPT, kx_registry_from_document(&reg, "{\n  \"format\": ]", 15));
  CHECK(kx_error_problem_count() == 1 && kx_error_problem(0)->line == 2);
  /* Only `length` bytes are read: the document need not be NUL-terminated. */
  FAILS(KX_ECORRUPT, kx_registry_from_document(&reg, text, 10));
}

static void null_arguments(void) {
  kx_registry* reg = NULL;
  FAILS(KX_EINVALID, kx_registry_from_document(&reg, NULL, 3));
  char* out = NULL;
  FAILS(KX_EINVALID, kx_registry_to_document(&out, NULL));
  FAILS(KX_EINVALID, kx_registry_to_document(NULL, NULL));
  kx_campaign* c = NULL;
  FAILS(KX_EINVALID, kx_campaign_from_documents(&c, NULL, "{}", 2, NULL, 0));
  FAILS(KX_EINVALID, kx_scoreboard_to_document(&out, NULL, NULL, NULL));
  char* rules = (char*)1;
  char* entries = (char*)1;
  FAILS(KX_EINVALID, kx_campaign_to_documents(&rules, &entries, NULL, NULL));
  CHECK(rules == NULL && entries == NULL);
  FAILS(KX_EINVALID, kx_campaign_to_documents(NULL, &entries, NULL, NULL));
  FAILS(KX_EINVALID, kx_campaign_to_documents(&rules, NULL, NULL, NULL));
  CHECK(rules == NULL);
  FAILS(KX_EINVALID, kx_scoreboard_to_document_with(NULL, NULL, NULL, NULL, 0));
  FAILS(KX_EINVALID, kx_scoreboard_to_document_with(&out, NULL, NULL, NULL, 0));
}

int main(void) {
  demo_from_documents();
  problems_are_listed();
  null_arguments();
  return kx_test_failures;
}
