// The results report as one self-contained HTML file (report.hpp). Everything
// it shows comes from the scoreboard or from the library's own statistics; this
// file only lays it out: tables, inline SVG charts, a little CSS and a search
// box in plain JavaScript. No resource is fetched (the Content-Security-Policy
// says so to the browser too), and the output depends only on its inputs.
#include "kexie/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "kexie/agreement.hpp"
#include "kexie/registry.hpp"
#include "kexie/version.hpp"

namespace kexie {
inline namespace v1 {
namespace {

// The board's results by entry id, as pointers into the rows the report made once
// from the board's table.
class ResultIndex {
 public:
  explicit ResultIndex(const std::vector<EntryResult>& rows) {
    std::size_t top = 0;
    for (const EntryResult& r : rows) top = std::max<std::size_t>(top, r.entry.value());
    by_id_.assign(top + 1, nullptr);
    for (const EntryResult& r : rows) {
      if (by_id_[r.entry.value()] == nullptr) by_id_[r.entry.value()] = &r;
    }
  }
  [[nodiscard]] const EntryResult* find(EntryId e) const noexcept {
    return e.value() < by_id_.size() ? by_id_[e.value()] : nullptr;
  }

 private:
  std::vector<const EntryResult*> by_id_;
};

// Escapes text for HTML element content and quoted attribute values.
std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// ASCII lower case, for the search index (CJK text is left as it is).
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A total for display: four places, the exact value in the cell's tooltip.
std::string total_cell(const Decimal& total) {
  const auto shown = total.rescaled(4);
  return "<td class=\"n\" title=\"" + total.to_string() + "\">" +
         (shown ? shown->to_string() : total.to_string()) + "</td>";
}

std::string num(double value, int places) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
  return buffer;
}

class Words {
 public:
  explicit Words(Language language) : zh_(language == Language::chinese) {}
  [[nodiscard]] std::string_view operator()(std::string_view zh, std::string_view en) const {
    return zh_ ? zh : en;
  }
  [[nodiscard]] std::string category(Category c) const {
    return zh_ ? std::string(chinese_name(c)) : std::string(to_string(c));
  }
  [[nodiscard]] bool chinese() const { return zh_; }

 private:
  bool zh_;
};

// One panel: the judges assigned to an entry, and the entries of one category
// that have exactly those judges.
struct PanelKey {
  Category category;
  std::vector<std::uint32_t> judges;
  friend bool operator<(const PanelKey& a, const PanelKey& b) {
    if (a.category != b.category) return a.category < b.category;
    return a.judges < b.judges;
  }
};

struct AgreementRow {
  Category category;
  std::string indicator;
  std::string panel;  // "judge:1, judge:4, …"
  std::size_t entries = 0;
  std::optional<KendallW> w;
  std::string note;  // why W is missing
};

struct JudgeRow {
  double deviation_sum = 0;
  std::size_t indicators = 0;
  std::optional<double> min_correlation;
  std::size_t flagged = 0;
};

std::string panel_name(const std::vector<std::uint32_t>& judges) {
  std::string out;
  for (const std::uint32_t j : judges) {
    if (!out.empty()) out += ", ";
    out += to_string(JudgeId(j));
  }
  return out;
}

// The score distribution of one category: a histogram of the ranked totals with
// a vertical line at each tier's lowest awarded total.
std::string distribution_svg(const std::vector<double>& totals,
                             const std::vector<std::pair<std::string, double>>& boundaries,
                             const Words& w) {
  constexpr int kBins = 20;
  constexpr double kWidth = 640;
  constexpr double kHeight = 180;
  constexpr double kLeft = 36;
  constexpr double kBottom = 24;
  constexpr double kTop = 18;
  double lo = *std::min_element(totals.begin(), totals.end());
  double hi = *std::max_element(totals.begin(), totals.end());
  for (const auto& b : boundaries) {
    lo = std::min(lo, b.second);
    hi = std::max(hi, b.second);
  }
  lo = std::floor(lo);
  hi = std::ceil(hi);
  if (hi <= lo) hi = lo + 1;
  std::vector<std::size_t> bins(kBins, 0);
  for (const double t : totals) {
    auto b = static_cast<std::size_t>((t - lo) / (hi - lo) * kBins);
    bins[std::min<std::size_t>(b, kBins - 1)] += 1;
  }
  const std::size_t peak = *std::max_element(bins.begin(), bins.end());
  const double plot_w = kWidth - kLeft - 8;
  const double plot_h = kHeight - kBottom - kTop;
  auto x_of = [&](double v) { return kLeft + (v - lo) / (hi - lo) * plot_w; };
  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + num(kWidth, 0) + " " +
                    num(kHeight, 0) + "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" +
                    esc(w("得分分布", "score distribution")) + "</title>";
  for (int b = 0; b < kBins; ++b) {
    const double h = peak == 0 ? 0
                               : plot_h * static_cast<double>(bins[static_cast<std::size_t>(b)]) /
                                     static_cast<double>(peak);
    const double x = kLeft + plot_w * b / kBins;
    svg += "<rect class=\"bar\" x=\"" + num(x + 1, 1) + "\" y=\"" + num(kTop + plot_h - h, 1) +
           "\" width=\"" + num(plot_w / kBins - 2, 1) + "\" height=\"" + num(h, 1) + "\"><title>" +
           num(lo + (hi - lo) * b / kBins, 1) + "–" + num(lo + (hi - lo) * (b + 1) / kBins, 1) +
           ": " + std::to_string(bins[static_cast<std::size_t>(b)]) + "</title></rect>";
  }
  svg += "<line class=\"axis\" x1=\"" + num(kLeft, 1) + "\" y1=\"" + num(kTop + plot_h, 1) +
         "\" x2=\"" + num(kLeft + plot_w, 1) + "\" y2=\"" + num(kTop + plot_h, 1) + "\"/>";
  svg += "<text x=\"" + num(kLeft, 1) + "\" y=\"" + num(kHeight - 6, 1) + "\">" + num(lo, 0) +
         "</text><text x=\"" + num(kLeft + plot_w, 1) + "\" y=\"" + num(kHeight - 6, 1) +
         "\" text-anchor=\"end\">" + num(hi, 0) + "</text>";
  svg += "<text x=\"4\" y=\"" + num(kTop + 4, 1) + "\">" + std::to_string(peak) + "</text>";
  // Labels on three staggered lines, so that close boundaries stay readable.
  std::size_t label = 0;
  for (const auto& [name, value] : boundaries) {
    const double x = x_of(value);
    const double label_y = kTop + 6 + 11.0 * static_cast<double>(label++ % 3);
    svg += "<line class=\"tier\" x1=\"" + num(x, 1) + "\" y1=\"" + num(kTop - 4, 1) + "\" x2=\"" +
           num(x, 1) + "\" y2=\"" + num(kTop + plot_h, 1) + "\"/><text class=\"tier\" x=\"" +
           num(x + 3, 1) + "\" y=\"" + num(label_y, 1) + "\">" + esc(name) + " ≥ " + num(value, 2) +
           "</text>";
  }
  svg += "</svg>";
  return svg;
}

// Each judge's mean deviation from the panel as a bar around zero.
std::string leniency_svg(const std::vector<std::pair<std::string, JudgeRow>>& judges,
                         const Words& w) {
  constexpr double kWidth = 640;
  constexpr double kRow = 18;
  constexpr double kLabel = 90;
  double extent = 0;
  for (const auto& [name, row] : judges) {
    extent = std::max(extent, std::abs(row.deviation_sum / static_cast<double>(row.indicators)));
  }
  if (extent == 0) extent = 1;
  const double height = kRow * static_cast<double>(judges.size()) + 8;
  const double mid = kLabel + (kWidth - kLabel) / 2;
  const double half = (kWidth - kLabel) / 2 - 50;
  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + num(kWidth, 0) + " " +
                    num(height, 0) + "\" xmlns=\"http://www.w3.org/2000/svg\"><title>" +
                    esc(w("评委宽严", "judge leniency")) + "</title>";
  double y = 4;
  for (const auto& [name, row] : judges) {
    const double dev = row.deviation_sum / static_cast<double>(row.indicators);
    const double len = half * std::abs(dev) / extent;
    const double x = dev >= 0 ? mid : mid - len;
    svg += "<text x=\"4\" y=\"" + num(y + 12, 1) + "\">" + esc(name) + "</text><rect class=\"" +
           (row.flagged > 0 ? "bar flagged" : "bar") + "\" x=\"" + num(x, 1) + "\" y=\"" +
           num(y + 2, 1) + "\" width=\"" + num(std::max(len, 0.5), 1) + "\" height=\"" +
           num(kRow - 5, 1) + "\"/><text x=\"" + num(dev >= 0 ? x + len + 4 : x - 4, 1) +
           "\" y=\"" + num(y + 12, 1) + "\"" + (dev >= 0 ? "" : " text-anchor=\"end\"") + ">" +
           (dev >= 0 ? "+" : "") + num(dev, 2) + "</text>";
    y += kRow;
  }
  svg += "<line class=\"axis\" x1=\"" + num(mid, 1) + "\" y1=\"0\" x2=\"" + num(mid, 1) +
         "\" y2=\"" + num(height, 1) + "\"/></svg>";
  return svg;
}

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5rem auto;
max-width:72rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-top:1rem}
h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.disagree td{background:#fde2e2}tr.flagged td{background:#fff3cd}
tr.unranked td{color:#777}
.chart{width:100%;max-width:40rem;height:auto;display:block}
.chart text{font-size:10px;fill:#333}.chart .bar{fill:#4a78b5}.chart .bar.flagged{fill:#c0392b}
.chart .axis{stroke:#333}.chart line.tier{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:4 2}
.chart text.tier{fill:#c0392b}
#search{font-size:1rem;padding:.3rem;width:20rem;max-width:100%}
.meta{color:#555;font-size:.9rem}
@media print{#find{display:none}}
)";

constexpr std::string_view kScript = R"(
(function () {
  var box = document.getElementById('search');
  var count = document.getElementById('hits');
  var rows = document.querySelectorAll('tr[data-search]');
  box.addEventListener('input', function () {
    var q = box.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var hit = q === '' || rows[i].getAttribute('data-search').indexOf(q) >= 0;
      rows[i].hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = q === '' ? '' : String(shown);
  });
})();
)";

}  // namespace

Result<std::string> html_report(const Campaign& campaign, const Scoreboard& board,
                                const ReportOptions& options) {
  const Words w(options.language);
  const CampaignSpec& spec = campaign.spec();
  const auto& tiers = spec.awards.tiers;
  // The rows, made once from the board's table: the report keeps pointers to them.
  const std::vector<EntryResult> board_rows(board.entries.begin(), board.entries.end());
  const ResultIndex by_id(board_rows);

  // Entries per category (board order), their titles and units' names.
  std::map<Category, std::vector<const EntryResult*>> by_category;
  std::map<std::uint32_t, std::string> titles;
  std::map<std::uint32_t, std::string> units;
  for (const EntryResult& r : board_rows) {
    auto entry = campaign.entry(r.entry);
    if (!entry) return entry.error();
    titles[r.entry.value()] = entry->spec.title;
    if (!units.contains(r.unit.value())) {
      std::string name = to_string(r.unit);
      if (options.registry != nullptr) {
        if (auto org = options.registry->organization(r.unit)) name = org->name;
      }
      units[r.unit.value()] = std::move(name);
    }
    by_category[r.category].push_back(&r);
  }

  // Panels, their agreement per judged indicator, and each judge's leniency.
  std::map<PanelKey, std::vector<EntryId>> panels;
  for (const EntryResult& r : board_rows) {
    PanelKey key{r.category, {}};
    for (const JudgeId j : campaign.judges_of(r.entry)) key.judges.push_back(j.value());
    std::sort(key.judges.begin(), key.judges.end());
    panels[key].push_back(r.entry);
  }
  std::vector<AgreementRow> agreement;
  std::map<std::uint32_t, JudgeRow> judge_rows;
  for (const auto& [key, entries] : panels) {
    auto rubric = campaign.rubric(key.category);
    if (!rubric || key.judges.empty()) continue;
    std::vector<JudgeId> judges;
    for (const std::uint32_t j : key.judges) judges.emplace_back(j);
    for (const std::uint32_t index : rubric->judged()) {
      const Indicator& indicator = rubric->indicators()[index];
      AgreementRow row{key.category,           indicator.code + " " + indicator.name,
                       panel_name(key.judges), entries.size(),
                       std::nullopt,           {}};
      auto marks = campaign.panel_marks(indicator.code, judges, entries);
      if (!marks) {
        row.note = marks.error().message();
        agreement.push_back(std::move(row));
        continue;
      }
      if (auto kw = kendall_w(*marks, {.missing = MissingMarks::drop_entries})) {
        row.entries = kw->entries;
        row.w = std::move(*kw);
      } else {
        row.note = kw.error().message();
      }
      agreement.push_back(std::move(row));
      auto lenient = leniency(*marks, {.missing = MissingMarks::drop_entries,
                                       .min_correlation = options.min_correlation});
      if (!lenient) continue;
      for (const JudgeLeniency& jl : lenient->judges) {
        JudgeRow& jr = judge_rows[key.judges[jl.judge]];
        jr.deviation_sum += jl.mean_deviation;
        jr.indicators += 1;
        if (jl.rest_correlation) {
          jr.min_correlation = jr.min_correlation
                                   ? std::min(*jr.min_correlation, *jl.rest_correlation)
                                   : *jl.rest_correlation;
        }
        if (jl.flagged) jr.flagged += 1;
      }
    }
  }

  std::string html;
  html.reserve(4096 + board.entries.size() * 256);
  html += "<!DOCTYPE html>\n<html lang=\"";
  html += w("zh-CN", "en");
  html +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  html += esc(spec.name) + " — " + std::string(w("评审结果", "results"));
  html += "</title>\n<style>";
  html += kStyle;
  html += "</style>\n</head>\n<body>\n<header>\n<h1>" + esc(spec.name) + " — " +
          std::string(w("评审结果", "results")) + "</h1>\n<p class=\"meta\">";
  html += std::string(w("评审基准日", "as of")) + " " + esc(spec.as_of.to_string()) + " · " +
          std::to_string(board.entries.size()) + " " + std::string(w("个项目", "entries")) + " · " +
          std::string(w("结果摘要", "digest")) + " <code>" + esc(board.digest()) +
          "</code> · kexie " + kexie::version_string() + "</p>\n";
  html += "<p id=\"find\"><label for=\"search\">" +
          std::string(w("查找项目（编号、名称、单位、奖项）：",
                        "Find an entry (code, title, unit, award): ")) +
          "</label><input id=\"search\" type=\"search\" autocomplete=\"off\"> <span id=\"hits\" "
          "aria-live=\"polite\"></span></p>\n</header>\n<main>\n";

  // Award lists and distributions, per category.
  html += "<section id=\"awards\">\n<h2>" + std::string(w("获奖名单", "Award list")) + "</h2>\n";
  for (const auto& [category, results] : by_category) {
    html += "<section class=\"category\" id=\"category-" + std::string(to_string(category)) +
            "\">\n<h3>" + esc(w.category(category)) + " (" + std::to_string(results.size()) +
            ")</h3>\n";
    std::vector<double> totals;
    std::vector<std::pair<std::string, double>> boundaries;
    std::map<std::uint32_t, double> lowest;
    for (const EntryResult* r : results) {
      if (r->status != EntryStatus::ranked) continue;
      const double t = r->total.to_double();
      totals.push_back(t);
      if (r->tier) {
        auto [it, fresh] = lowest.emplace(*r->tier, t);
        if (!fresh) it->second = std::min(it->second, t);
      }
    }
    for (const auto& [tier, value] : lowest) {
      boundaries.emplace_back(tier < tiers.size() ? tiers[tier].name : std::to_string(tier), value);
    }
    if (!totals.empty()) {
      html += "<figure>" + distribution_svg(totals, boundaries, w) + "<figcaption>" +
              std::string(w("得分分布；虚线为各奖项的最低获奖分",
                            "Score distribution; the dashed "
                            "lines are each tier's lowest awarded total")) +
              "</figcaption></figure>\n";
    }
    html += "<table class=\"entries\">\n<thead><tr><th>" + std::string(w("奖项", "Award")) +
            "</th><th>" + std::string(w("名次", "Rank")) + "</th><th>" +
            std::string(w("位次", "Place")) + "</th><th>" + std::string(w("编号", "Code")) +
            "</th><th>" + std::string(w("项目名称", "Title")) + "</th><th>" +
            std::string(w("单位", "Unit")) + "</th><th>" + std::string(w("总分", "Total")) +
            "</th><th>" + std::string(w("状态", "Status")) + "</th></tr></thead>\n<tbody>\n";
    for (const EntryResult* r : results) {
      const std::string& title = titles[r->entry.value()];
      const std::string& unit = units[r->unit.value()];
      html += "<tr data-search=\"" +
              esc(lower(r->code + " " + title + " " + unit + " " + r->award)) + "\"" +
              (r->status == EntryStatus::ranked ? "" : " class=\"unranked\"") + "><td>" +
              esc(r->award) + "</td><td class=\"n\">" +
              (r->rank == 0 ? std::string() : std::to_string(r->rank)) + "</td><td class=\"n\">" +
              (r->position == 0 ? std::string() : std::to_string(r->position)) + "</td><td>" +
              esc(r->code) + "</td><td>" + esc(title) + "</td><td>" + esc(unit) + "</td>" +
              total_cell(r->total) + "<td>" + std::string(to_string(r->status)) + "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n</section>\n";
  }
  html += "</section>\n";

  // The cusp report.
  html +=
      "<section id=\"cusps\">\n<h2>" + std::string(w("临界项目", "Cusp entries")) + "</h2>\n<p>" +
      std::string(w("总分距奖项分界线不超过 ", "Entries whose total is within ")) +
      esc(spec.awards.cusp_margin.to_string()) +
      std::string(w(" 分的项目，值得复核。", " of a tier boundary, worth re-judging.")) + "</p>\n";
  if (board.cusps.empty()) {
    html += "<p>" + std::string(w("无。", "None.")) + "</p>\n";
  } else {
    html += "<table class=\"entries\">\n<thead><tr><th>" + std::string(w("编号", "Code")) +
            "</th><th>" + std::string(w("项目名称", "Title")) + "</th><th>" +
            std::string(w("类别", "Category")) + "</th><th>" + std::string(w("奖项", "Tier")) +
            "</th><th>" + std::string(w("分界线", "Boundary")) + "</th><th>" +
            std::string(w("距离", "Distance")) + "</th></tr></thead>\n<tbody>\n";
    for (const Cusp& c : board.cusps) {
      const EntryResult* r = by_id.find(c.entry);
      if (r == nullptr)
        return Error(ErrorCode::not_found, "cusp " + to_string(c.entry) + " is not on the board");
      const std::string& title = titles[r->entry.value()];
      html += "<tr data-search=\"" + esc(lower(r->code + " " + title)) + "\"><td>" + esc(r->code) +
              "</td><td>" + esc(title) + "</td><td>" + esc(w.category(r->category)) + "</td><td>" +
              esc(c.tier < tiers.size() ? tiers[c.tier].name : std::to_string(c.tier)) + "</td>" +
              total_cell(c.boundary) + total_cell(c.distance) + "</tr>\n";
    }
    html += "</tbody>\n</table>\n";
  }
  html += "</section>\n";

  // Judges' leniency.
  html += "<section id=\"leniency\">\n<h2>" + std::string(w("评委宽严", "Judge leniency")) +
          "</h2>\n<p>" +
          std::string(w("每位评委的打分与同组其他评委平均分之差（各评审指标的平均），以及与其他评委"
                        "的最低相关系数；低于 ",
                        "Each judge's mean difference from the panel's mean mark (averaged over "
                        "the judged indicators), and the lowest correlation with the rest of the "
                        "panel; judges below ")) +
          num(options.min_correlation, 2) + std::string(w(" 的评委标出。", " are flagged.")) +
          "</p>\n";
  if (judge_rows.empty()) {
    html += "<p>" + std::string(w("没有可比较的评委组。", "No panel to compare.")) + "</p>\n";
  } else {
    std::vector<std::pair<std::string, JudgeRow>> rows;
    for (const auto& [judge, row] : judge_rows) rows.emplace_back(to_string(JudgeId(judge)), row);
    html += "<figure>" + leniency_svg(rows, w) + "</figure>\n";
    html += "<table class=\"judges\">\n<thead><tr><th>" + std::string(w("评委", "Judge")) +
            "</th><th>" + std::string(w("平均偏差", "Mean deviation")) + "</th><th>" +
            std::string(w("最低相关系数", "Lowest correlation")) + "</th><th>" +
            std::string(w("标出的指标数", "Indicators flagged")) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& [name, row] : rows) {
      html += std::string(row.flagged > 0 ? "<tr class=\"flagged\">" : "<tr>") + "<td>" +
              esc(name) + "</td><td class=\"n\">" +
              num(row.deviation_sum / static_cast<double>(row.indicators), 3) +
              "</td><td class=\"n\">" + (row.min_correlation ? num(*row.min_correlation, 3) : "—") +
              "</td><td class=\"n\">" + std::to_string(row.flagged) + " / " +
              std::to_string(row.indicators) + "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n";
  }
  html += "</section>\n";

  // Kendall's W per indicator and panel.
  html += "<section id=\"agreement\">\n<h2>" +
          std::string(w("评委一致性（Kendall 协同系数 W）", "Panel agreement (Kendall's W)")) +
          "</h2>\n<p>" + std::string(w("p ≥ ", "Panels with p ≥ ")) +
          num(options.agreement_alpha, 2) +
          std::string(w(" 的评委组意见不一致，已标出。", " do not agree and are highlighted.")) +
          "</p>\n";
  if (agreement.empty()) {
    html += "<p>" + std::string(w("没有可比较的评委组。", "No panel to compare.")) + "</p>\n";
  } else {
    html += "<table class=\"agreement\">\n<thead><tr><th>" + std::string(w("类别", "Category")) +
            "</th><th>" + std::string(w("指标", "Indicator")) + "</th><th>" +
            std::string(w("评委组", "Panel")) + "</th><th>" + std::string(w("项目数", "Entries")) +
            "</th><th>W</th><th>p</th></tr></thead>\n<tbody>\n";
    for (const AgreementRow& row : agreement) {
      const bool disagree = !row.w || row.w->p_value >= options.agreement_alpha;
      html += std::string(disagree ? "<tr class=\"disagree\">" : "<tr>") + "<td>" +
              esc(w.category(row.category)) + "</td><td>" + esc(row.indicator) + "</td><td>" +
              esc(row.panel) + "</td><td class=\"n\">" + std::to_string(row.entries) + "</td>";
      if (row.w) {
        html += "<td class=\"n\">" + num(row.w->w, 3) + "</td><td class=\"n\">" +
                num(row.w->p_value, 4) + "</td></tr>\n";
      } else {
        html += "<td colspan=\"2\">" + esc(row.note) + "</td></tr>\n";
      }
    }
    html += "</tbody>\n</table>\n";
  }
  html += "</section>\n</main>\n<script>";
  html += kScript;
  html += "</script>\n</body>\n</html>\n";
  return html;
}

}  // namespace v1
}  // namespace kexie
