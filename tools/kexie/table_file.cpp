// CSV and JSON numeric tables for the kexie command.
#include "table_file.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "console.hpp"
#include "progress.hpp"

namespace kexie::cli {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure(Exit::input, "cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Failure(Exit::input, "cannot read " + path.string());
  return std::move(buffer).str();
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

bool parse_double(std::string_view s, double& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(out);
}

// A number or a fraction "a/b"; nullopt for an empty cell; false for text.
bool parse_cell(std::string_view text, std::optional<double>& out) {
  const std::string s = trim(text);
  if (s.empty()) {
    out.reset();
    return true;
  }
  double value = 0;
  if (const auto slash = s.find('/'); slash != std::string::npos) {
    double num = 0;
    double den = 0;
    if (!parse_double(std::string_view(s).substr(0, slash), num) ||
        !parse_double(std::string_view(s).substr(slash + 1), den) || den == 0) {
      return false;
    }
    value = num / den;
  } else if (!parse_double(s, value)) {
    return false;
  }
  out = value;
  return true;
}

struct Field {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

// RFC 4180 records with their line and column numbers.
std::vector<std::vector<Field>> split_csv(const std::filesystem::path& path, std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  std::vector<std::vector<Field>> records;
  std::vector<Field> record;
  Field field{{}, 1, 1};
  std::size_t line = 1;
  std::size_t column = 1;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field.text += '"';
          ++i;
          column += 2;
          continue;
        }
        quoted = false;
      } else {
        field.text += c;
        if (c == '\n') {
          ++line;
          column = 0;
        }
      }
      ++column;
      continue;
    }
    if (c == '"' && field.text.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field = Field{{}, line, column + 1};
      was_quoted = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      record.push_back(std::move(field));
      records.push_back(std::move(record));
      record.clear();
      ++line;
      column = 0;
      field = Field{{}, line, 1};
      was_quoted = false;
    } else if (was_quoted) {
      throw Failure(Exit::input, path.string() + ":" + std::to_string(line) + ":" +
                                     std::to_string(column) + ": text after a closing quote");
    } else {
      field.text += c;
    }
    ++column;
  }
  if (quoted) {
    throw Failure(Exit::input, path.string() + ":" + std::to_string(field.line) + ":" +
                                   std::to_string(field.column) + ": unterminated quoted field");
  }
  if (!field.text.empty() || !record.empty() || was_quoted) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  // Blank lines carry no row.
  std::erase_if(records, [](const std::vector<Field>& r) {
    return r.size() == 1 && trim(r[0].text).empty();
  });
  return records;
}

NumericTable read_csv(const std::filesystem::path& path, const std::string& text, bool quiet) {
  auto records = split_csv(path, text);
  NumericTable table;
  if (records.empty()) throw Failure(Exit::input, path.string() + ": no rows");
  std::optional<double> probe;
  // A header row has a non-numeric cell after the first.
  bool header = false;
  for (std::size_t c = 1; c < records[0].size(); ++c) {
    header = header || !parse_cell(records[0][c].text, probe);
  }
  const std::size_t first = header ? 1 : 0;
  // Row names: the first column holds text in some data row.
  bool names = false;
  for (std::size_t r = first; r < records.size(); ++r) {
    names = names || !parse_cell(records[r][0].text, probe);
  }
  if (header) {
    for (std::size_t c = names ? 1 : 0; c < records[0].size(); ++c) {
      table.columns.push_back(trim(records[0][c].text));
    }
  }
  Progress progress("rows", records.size() - first, quiet);
  for (std::size_t r = first; r < records.size(); ++r) {
    const auto& record = records[r];
    std::vector<std::optional<double>> row;
    for (std::size_t c = names ? 1 : 0; c < record.size(); ++c) {
      std::optional<double> cell;
      if (!parse_cell(record[c].text, cell)) {
        throw Failure(Exit::input, path.string() + ":" + std::to_string(record[c].line) + ":" +
                                       std::to_string(record[c].column) + ": \"" + record[c].text +
                                       "\" is not a number");
      }
      row.push_back(cell);
    }
    if (names) table.rows.push_back(trim(record[0].text));
    if (!table.cells.empty() && row.size() != table.cells.front().size()) {
      throw Failure(Exit::input, path.string() + ":" + std::to_string(record[0].line) + ": " +
                                     std::to_string(row.size()) + " values, expected " +
                                     std::to_string(table.cells.front().size()));
    }
    table.cells.push_back(std::move(row));
    progress.update(r + 1 - first);
  }
  if (!table.columns.empty() && table.columns.size() != table.cells.front().size()) {
    throw Failure(Exit::input, path.string() + ":1: " + std::to_string(table.columns.size()) +
                                   " column names for " +
                                   std::to_string(table.cells.front().size()) + " columns");
  }
  return table;
}

std::vector<std::string> names_of(const std::filesystem::path& path, const nlohmann::json& doc,
                                  const char* key) {
  std::vector<std::string> out;
  if (!doc.contains(key)) return out;
  const auto& list = doc.at(key);
  if (!list.is_array())
    throw Failure(Exit::input, path.string() + ": /" + key + " is not an array");
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string()) {
      throw Failure(Exit::input,
                    path.string() + ": /" + key + "/" + std::to_string(i) + " is not a string");
    }
    out.push_back(list[i].get<std::string>());
  }
  return out;
}

NumericTable read_json(const std::filesystem::path& path, const std::string& text, bool quiet) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Failure(Exit::input, path.string() + ": " + e.what());
  }
  NumericTable table;
  const nlohmann::json* values = &doc;
  std::string where;
  if (doc.is_object()) {
    for (const auto& [key, value] : doc.items()) {
      if (key != "columns" && key != "rows" && key != "values" && !key.starts_with("x-")) {
        throw Failure(Exit::input, path.string() + ": /" + key + ": unknown key");
      }
    }
    if (!doc.contains("values")) throw Failure(Exit::input, path.string() + ": no /values");
    values = &doc.at("values");
    where = "/values";
    table.columns = names_of(path, doc, "columns");
    table.rows = names_of(path, doc, "rows");
  }
  if (!values->is_array() || values->empty()) {
    throw Failure(Exit::input, path.string() + ": " + (where.empty() ? "/" : where) +
                                   " is not a non-empty array of rows");
  }
  Progress progress("rows", values->size(), quiet);
  for (std::size_t r = 0; r < values->size(); ++r) {
    const auto& row_json = (*values)[r];
    const std::string at = where + "/" + std::to_string(r);
    if (!row_json.is_array())
      throw Failure(Exit::input, path.string() + ": " + at + " is not an array");
    std::vector<std::optional<double>> row;
    for (std::size_t c = 0; c < row_json.size(); ++c) {
      const auto& cell = row_json[c];
      std::optional<double> value;
      if (cell.is_number()) {
        value = cell.get<double>();
      } else if (cell.is_string()) {
        if (!parse_cell(cell.get<std::string>(), value)) {
          throw Failure(Exit::input,
                        path.string() + ": " + at + "/" + std::to_string(c) + " is not a number");
        }
      } else if (!cell.is_null()) {
        throw Failure(Exit::input, path.string() + ": " + at + "/" + std::to_string(c) +
                                       " is not a number, a fraction or null");
      }
      row.push_back(value);
    }
    if (!table.cells.empty() && row.size() != table.cells.front().size()) {
      throw Failure(Exit::input, path.string() + ": " + at + ": " + std::to_string(row.size()) +
                                     " values, expected " +
                                     std::to_string(table.cells.front().size()));
    }
    table.cells.push_back(std::move(row));
    progress.update(r + 1);
  }
  if (!table.columns.empty() && table.columns.size() != table.cells.front().size()) {
    throw Failure(Exit::input,
                  path.string() + ": /columns: " + std::to_string(table.columns.size()) +
                      " names for " + std::to_string(table.cells.front().size()) + " columns");
  }
  if (!table.rows.empty() && table.rows.size() != table.cells.size()) {
    throw Failure(Exit::input, path.string() + ": /rows: " + std::to_string(table.rows.size()) +
                                   " names for " + std::to_string(table.cells.size()) + " rows");
  }
  return table;
}

}  // namespace

NumericTable read_table(const std::filesystem::path& path, bool quiet) {
  const std::string text = slurp(path);
  return path.extension() == ".json" ? read_json(path, text, quiet) : read_csv(path, text, quiet);
}

}  // namespace kexie::cli
