// Tests for src/detail/json_writer.hpp, kexie's one JSON writer: the canonical
// layout of the documents (arrays of scalars on one line, broken over lines when a
// container follows), the compact layout of to_json, escaping, and text taken out in
// pieces joining to the same bytes.
#include "detail/json_writer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using kexie::detail::JsonWriter;

// {"a": [1, 2], "b": [3, {"c": "x\"y"}, []], "d": {}}
void sample(JsonWriter& w, std::string* pieces) {
  const auto take = [&] {
    if (pieces != nullptr) *pieces += w.take_settled();
  };
  w.begin_object();
  w.key("a");
  w.begin_array();
  w.integer(1);
  take();
  w.raw("2");
  w.end_array();
  take();
  w.key("b");
  w.begin_array();
  w.integer(3);
  take();  // the array is still on one line: nothing after its '[' is taken
  w.begin_object();
  w.key("c");
  w.string("x\"y\n\x01");
  w.end_object();
  take();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.key("d");
  w.begin_object();
  w.end_object();
  w.key("e");
  w.null();
  w.end_object();
}

TEST(JsonWriter, CanonicalLayout) {
  JsonWriter w(JsonWriter::Layout::canonical);
  sample(w, nullptr);
  EXPECT_EQ(w.finish(),
            "{\n"
            "  \"a\": [1, 2],\n"
            "  \"b\": [\n"
            "    3,\n"
            "    {\n"
            "      \"c\": \"x\\\"y\\n\\u0001\"\n"
            "    },\n"
            "    []\n"
            "  ],\n"
            "  \"d\": {},\n"
            "  \"e\": null\n"
            "}\n");
}

TEST(JsonWriter, CompactLayout) {
  JsonWriter w(JsonWriter::Layout::compact);
  sample(w, nullptr);
  EXPECT_EQ(w.finish(), R"({"a":[1,2],"b":[3,{"c":"x\"y\n\u0001"},[]],"d":{},"e":null})");
}

TEST(JsonWriter, PiecesJoinToTheSameText) {
  JsonWriter whole(JsonWriter::Layout::canonical);
  sample(whole, nullptr);
  JsonWriter parts(JsonWriter::Layout::canonical);
  std::string pieces;
  sample(parts, &pieces);
  EXPECT_FALSE(pieces.empty());
  pieces += parts.finish();
  EXPECT_EQ(pieces, whole.finish());
}

TEST(JsonWriter, QuoteEscapesOnlyWhatJsonRequires) {
  std::string out;
  kexie::detail::json_quote(out, "创新 \\ \b\f\r\t/");
  EXPECT_EQ(out, "\"创新 \\\\ \\b\\f\\r\\t/\"");
}

}  // namespace
