#!/usr/bin/env python3
"""Runs the kexie command as a user would: through its real main, in a temporary
directory, checking exit codes, stdout and stderr, --json output against the
schema (tools/kexie/output.schema.json, python3-jsonschema), atomic output files
under a simulated write failure, progress drawn on a terminal and never into a
pipe, the generated man page and completion, and the HTML report's structure
(python's html.parser, no browser).

Run as `test_command.py KEXIE SOURCE_DIR [unittest arguments]`; ctest runs one
test class per entry (command.weights, command.report_html, ...).
"""

import csv
import html.parser
import io
import json
import os
import pathlib
import pty
import select
import shutil
import subprocess
import sys
import tempfile
import unittest

import jsonschema

KEXIE = None
SOURCE = None
SCHEMA = None
GOLDEN = None


def run(args, cwd, env=None, stdin=None):
    """Runs kexie with `args`; returns (exit code, stdout, stderr)."""
    full_env = dict(os.environ)
    full_env.pop("KEXIE_TEST_FAIL_WRITE_AFTER", None)
    full_env.pop("KEXIE_TEST_PROGRESS_AFTER_MS", None)
    full_env["LANG"] = "C.UTF-8"
    full_env.pop("LC_ALL", None)
    full_env.pop("LC_MESSAGES", None)
    full_env.update(env or {})
    p = subprocess.run([KEXIE, *args], cwd=cwd, env=full_env, capture_output=True,
                       stdin=subprocess.DEVNULL if stdin is None else stdin, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


class CommandCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="kexie-command-")
        self.dir = pathlib.Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, text):
        path = self.dir / name
        path.write_text(text, encoding="utf-8")
        return path

    def kexie(self, *args, env=None):
        return run(list(args), self.dir, env)

    def json_of(self, out):
        doc = json.loads(out)
        jsonschema.validate(doc, SCHEMA)
        return doc

    def assert_exit(self, result, code):
        rc, out, err = result
        self.assertEqual(rc, code, f"exit {rc}, expected {code}\nstdout: {out}\nstderr: {err}")


CRITERIA = "tech,benefit,team\n1,3,5\n1/3,1,2\n1/5,1/2,1\n"
# A is 9x B, B is 9x C, but C is 9x A: as inconsistent as a 3x3 matrix gets.
INCONSISTENT = "a,b,c\n1,9,1/9\n1/9,1,9\n9,1/9,1\n"
MARKS = "entry,J1,J2,J3\nP-1,90,88,91\nP-2,75,70,78\nP-3,82,85,80\nP-4,60,65,58\n"


class Usage(CommandCase):
    def test_no_subcommand_is_usage(self):
        rc, out, err = self.kexie()
        self.assertEqual(rc, 2)
        self.assertIn("Subcommands", err)

    def test_unknown_option_is_usage(self):
        self.assert_exit(self.kexie("weights", "ahp", "x.csv", "--no-such-option"), 2)

    def test_bad_enum_value_is_usage(self):
        self.write("c.csv", CRITERIA)
        self.assert_exit(self.kexie("weights", "ahp", "c.csv", "--method", "magic"), 2)

    def test_every_subcommand_has_help_with_an_example(self):
        for path in (["weights"], ["weights", "ahp"], ["agreement"], ["snapshot"],
                     ["snapshot", "info"], ["snapshot", "verify"], ["snapshot", "export"],
                     ["score"], ["explain"], ["check"], ["test"]):
            rc, out, err = self.kexie(*path, "--help")
            self.assertEqual(rc, 0, path)
            self.assertIn("\nExample:\n", out, path)
            self.assertIn("kexie " + " ".join(path), out.split("\nExample:\n")[1], path)
            if path in (["weights"], ["snapshot"]):
                continue
            self.assertIn("--json", out, path)
            self.assertIn("--lang", out, path)
            self.assertIn("--quiet", out, path)

    def test_version(self):
        rc, out, _ = self.kexie("--version")
        self.assertEqual(rc, 0)
        self.assertRegex(out.strip(), r"^\d+\.\d+\.\d+$")


class Weights(CommandCase):
    def test_ahp_csv(self):
        self.write("c.csv", CRITERIA)
        rc, out, err = self.kexie("weights", "ahp", "c.csv")
        self.assertEqual(rc, 0, err)
        self.assertIn("tech", out)
        self.assertIn("CR = 0.003185", out)
        self.assertIn("saaty", out)
        self.assertEqual(err, "")

    def test_ahp_json_output_and_json_input(self):
        self.write("c.json", json.dumps({"columns": ["A", "B", "C"],
                                         "values": [[1, 2, 4], ["1/2", 1, 2], [0.25, 0.5, 1]]}))
        rc, out, err = self.kexie("weights", "ahp", "c.json", "--json",
                                  "--method", "geometric_mean")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertEqual([w["criterion"] for w in doc["weights"]], ["A", "B", "C"])
        self.assertAlmostEqual(doc["weights"][0]["weight"], 4 / 7, places=9)
        self.assertAlmostEqual(doc["cr"], 0.0, places=9)
        self.assertEqual(doc["method"], "geometric_mean")
        self.assertTrue(doc["consistent"])

    def test_inconsistent_matrix_fails_the_check(self):
        self.write("bad.csv", INCONSISTENT)
        rc, out, err = self.kexie("weights", "ahp", "bad.csv", "--json")
        self.assertEqual(rc, 1, err)
        doc = self.json_of(out)
        self.assertFalse(doc["consistent"])
        self.assertGreater(doc["cr"], 0.1)

    def test_not_reciprocal_is_refused_by_the_library(self):
        self.write("nr.csv", "1,3\n3,1\n")
        rc, out, err = self.kexie("weights", "ahp", "nr.csv", "--json")
        self.assertEqual(rc, 1, err)
        doc = self.json_of(out)
        self.assertEqual(doc["error"]["code"], "invalid_argument")
        self.assertIn("nr.csv", err)

    def test_unreadable_and_corrupt_input(self):
        self.assert_exit(self.kexie("weights", "ahp", "missing.csv"), 3)
        self.write("text.csv", "1,2\n1/2,x\n")
        rc, out, err = self.kexie("weights", "ahp", "text.csv", "--json")
        self.assertEqual(rc, 3)
        self.assertIn("text.csv:2:5", err)
        self.assertEqual(self.json_of(out)["exit"], 3)

    def test_chinese_messages(self):
        self.write("c.csv", CRITERIA)
        rc, out, _ = self.kexie("weights", "ahp", "c.csv", "--lang", "zh")
        self.assertEqual(rc, 0)
        self.assertIn("一致性检验通过", out)
        rc, out, _ = self.kexie("weights", "ahp", "c.csv", env={"LANG": "zh_CN.UTF-8"})
        self.assertIn("一致性检验通过", out)
        rc, out, _ = self.kexie("weights", "ahp", "c.csv", "--lang", "en",
                                env={"LANG": "zh_CN.UTF-8"})
        self.assertIn("consistent (CR", out)


class Agreement(CommandCase):
    def test_agreement_text_and_json(self):
        self.write("m.csv", MARKS)
        rc, out, err = self.kexie("agreement", "m.csv")
        self.assertEqual(rc, 0, err)
        self.assertIn("Kendall's W = 1.0000", out)
        self.assertIn("ICC(2,1)", out)
        rc, out, err = self.kexie("agreement", "m.csv", "--json")
        doc = self.json_of(out)
        self.assertEqual(doc["kendall_w"]["judges"], 3)
        self.assertEqual(doc["kendall_w"]["entries"], 4)
        self.assertEqual([j["judge"] for j in doc["leniency"]["judges"]], ["J1", "J2", "J3"])

    def test_missing_marks(self):
        self.write("gap.csv", "entry,J1,J2,J3\nP-1,90,,91\nP-2,75,70,78\nP-3,82,85,80\n"
                              "P-4,60,65,58\n")
        rc, out, err = self.kexie("agreement", "gap.csv", "--json")
        self.assertEqual(rc, 1)
        self.assertEqual(self.json_of(out)["error"]["code"], "invalid_argument")
        rc, out, err = self.kexie("agreement", "gap.csv", "--json", "--missing", "drop_entries")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertEqual(doc["kendall_w"]["coverage"]["dropped_entries"], [0])

    def test_flagged_judge(self):
        # J4 ranks the entries in the opposite order to J1, J2 and J3.
        self.write("m.csv", "entry,J1,J2,J3,J4\nP-1,90,89,91,60\nP-2,80,79,82,70\n"
                            "P-3,70,71,69,80\nP-4,60,62,61,90\n")
        rc, out, err = self.kexie("agreement", "m.csv", "--json")
        self.assertEqual(rc, 0, err)
        flags = {j["judge"]: j["flagged"] for j in self.json_of(out)["leniency"]["judges"]}
        self.assertEqual(flags, {"J1": False, "J2": False, "J3": False, "J4": True})

    def test_malformed_csv(self):
        self.write("q.csv", 'entry,J1\n"P-1,90\n')
        rc, out, err = self.kexie("agreement", "q.csv")
        self.assertEqual(rc, 3)
        self.assertIn("unterminated", err)


class Snapshot(CommandCase):
    def test_info(self):
        rc, out, err = self.kexie("snapshot", "info", str(GOLDEN), "--json")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertEqual(doc["format_version"], 2)
        self.assertEqual(doc["counts"]["campaigns"], 1)
        self.assertEqual(doc["campaigns"][0]["entries"], 12)
        rc, out, err = self.kexie("snapshot", "info", str(GOLDEN))
        self.assertIn("snapshot format version 2", out)

    def test_verify(self):
        rc, out, err = self.kexie("snapshot", "verify", str(GOLDEN), "--json")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertTrue(doc["ok"])
        self.assertTrue(all(c["ok"] for c in doc["checks"]))
        self.assertTrue(any("audit chain" in c["check"] for c in doc["checks"]))

    def test_corrupt_snapshot(self):
        data = bytearray(GOLDEN.read_bytes())
        data[len(data) // 2] ^= 0xFF
        (self.dir / "bad.kxs").write_bytes(bytes(data))
        rc, out, err = self.kexie("snapshot", "verify", "bad.kxs", "--json")
        self.assertEqual(rc, 3)
        self.assertEqual(self.json_of(out)["error"]["code"], "corrupt_data")
        self.assert_exit(self.kexie("snapshot", "info", "nothing.kxs"), 3)


class Score(CommandCase):
    def test_score_summary_and_report(self):
        rc, out, err = self.kexie("score", "--snapshot", str(GOLDEN), "-o", "r.html")
        self.assertEqual(rc, 0, err)
        self.assertIn("cusp entries: 4", out)
        self.assertRegex(out, r"digest: [0-9a-f]{64}")
        self.assertTrue((self.dir / "r.html").is_file())
        rc, out, err = self.kexie("score", "--snapshot", str(GOLDEN), "--json")
        doc = self.json_of(out)
        self.assertEqual(doc["entries"], 12)
        counts = {a["tier"]: a["count"] for a in doc["categories"][0]["awards"]}
        self.assertEqual(counts, {"一等奖": 2, "二等奖": 3, "三等奖": 5})

    def test_same_input_same_report_bytes(self):
        self.kexie("score", "--snapshot", str(GOLDEN), "-o", "a.html", "-o", "b.html")
        self.assertEqual((self.dir / "a.html").read_bytes(), (self.dir / "b.html").read_bytes())

    def test_score_failures(self):
        self.assert_exit(self.kexie("score", "--snapshot", str(GOLDEN), "--campaign", "2"), 1)
        self.assert_exit(self.kexie("score", "--snapshot", str(GOLDEN), "-o", "r.pdf"), 2)
        self.assert_exit(self.kexie("score"), 2)

    def test_explain(self):
        rc, out, err = self.kexie("explain", "--snapshot", str(GOLDEN), "P-102", "--lang", "en")
        self.assertEqual(rc, 0, err)
        self.assertIn("P-102", out)
        rc, out, err = self.kexie("explain", "--snapshot", str(GOLDEN), "P-102", "--json")
        doc = self.json_of(out)
        self.assertEqual(doc["explanation"]["code"], "P-102")
        rc, out, err = self.kexie("explain", "--snapshot", str(GOLDEN), "NO-SUCH", "--json")
        self.assertEqual(rc, 1)
        self.assertEqual(self.json_of(out)["error"]["code"], "not_found")


class Atomic(CommandCase):
    def test_failed_write_keeps_the_previous_file(self):
        old = self.write("r.html", "previous results\n")
        rc, out, err = self.kexie("score", "--snapshot", str(GOLDEN), "-o", "r.html",
                                  env={"KEXIE_TEST_FAIL_WRITE_AFTER": "1000"})
        self.assertEqual(rc, 3, err)
        self.assertIn("r.html", err)
        self.assertEqual(old.read_text(), "previous results\n")
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["r.html"])
        # The same command without the injected failure replaces it whole.
        rc, out, err = self.kexie("score", "--snapshot", str(GOLDEN), "-o", "r.html")
        self.assertEqual(rc, 0, err)
        self.assertTrue(old.read_text().rstrip().endswith("</html>"))
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()), ["r.html"])

    def test_missing_directory(self):
        rc, out, err = self.kexie("score", "--snapshot", str(GOLDEN), "-o", "no/such/r.html",
                                  "--json")
        self.assertEqual(rc, 3)
        self.assertIn("no/such", self.json_of(out)["error"]["message"])
        self.assertFalse((self.dir / "no").exists())


class Progress(CommandCase):
    """Progress is drawn on a terminal's stderr only. The delay before the first
    drawing is lowered to 0 ms (a test-only variable) so the test need not wait."""

    ENV = {"KEXIE_TEST_PROGRESS_AFTER_MS": "0"}

    def rows(self):
        return self.write("m.csv", "entry,J1,J2\n" + "".join(
            f"P-{i},{60 + i % 30},{61 + i % 29}\n" for i in range(2000)))

    def on_terminal(self, *args):
        master, slave = pty.openpty()
        env = dict(os.environ, LANG="C.UTF-8", **self.ENV)
        p = subprocess.Popen([KEXIE, *args], cwd=self.dir, env=env, stdout=subprocess.DEVNULL,
                             stderr=slave, stdin=subprocess.DEVNULL)
        os.close(slave)
        seen = b""
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        os.close(master)
        self.assertEqual(p.wait(timeout=60), 0)
        return seen.decode("utf-8", "replace")

    def test_drawn_on_a_terminal(self):
        self.rows()
        self.assertIn("rows:", self.on_terminal("agreement", "m.csv"))

    def test_never_into_a_pipe_or_under_quiet(self):
        self.rows()
        rc, out, err = self.kexie("agreement", "m.csv", env=self.ENV)
        self.assertEqual(rc, 0)
        self.assertEqual(err, "")
        self.assertNotIn("rows:", self.on_terminal("agreement", "m.csv", "--quiet"))


class HelpExport(CommandCase):
    def test_man_page_and_completion(self):
        rc, out, err = self.kexie("--generate-man", "kexie.1", "--generate-completion", "k.bash")
        self.assertEqual(rc, 0, err)
        man = (self.dir / "kexie.1").read_text()
        self.assertTrue(man.startswith(".\\\""))
        self.assertIn(".TH KEXIE 1", man)
        for sub in ("weights ahp", "agreement", "snapshot info", "snapshot verify",
                    "snapshot export", "score", "explain", "check", "test", "assign"):
            self.assertIn(".SS kexie " + sub, man)
        self.assertIn("EXIT STATUS", man)
        if shutil.which("man"):
            p = subprocess.run(["man", "-l", "-P", "cat", str(self.dir / "kexie.1")],
                               capture_output=True, env=dict(os.environ, MANWIDTH="100"))
            if p.returncode == 0:
                self.assertIn("kexie weights ahp", p.stdout.decode())
        completion = (self.dir / "k.bash").read_text()
        self.assertIn("complete -o default -o bashdefault -F _kexie kexie", completion)
        # The completion offers the subcommands and, after one, its options.
        script = (f"source {self.dir / 'k.bash'}\n"
                  "COMP_WORDS=(kexie sn); COMP_CWORD=1; _kexie; echo \"${COMPREPLY[*]}\"\n"
                  "COMP_WORDS=(kexie snapshot verify --j); COMP_CWORD=3; _kexie; "
                  "echo \"${COMPREPLY[*]}\"\n")
        p = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
        self.assertEqual(p.stdout.splitlines(), ["snapshot", "--json"], p.stderr)


DEMO_DIGEST = "06b581a1a9064e963ddb672bab79ba3df3efc3879c5bd868f9df0443c7aec57f"


def data(name):
    return str(SOURCE / "examples/data" / name)


class Check(CommandCase):
    def test_ok_with_a_summary(self):
        rc, out, err = self.kexie("check", data("campaign.json"), "--registry",
                                  data("registry.json"))
        self.assertEqual(rc, 0, err)
        self.assertTrue(out.startswith("ok: "))
        self.assertIn("A.1 创新性 creativity", out)
        self.assertIn("AHP A: eigenvector", out)
        rc, out, err = self.kexie("check", data("campaign.json"), "--json")
        doc = self.json_of(out)
        self.assertEqual(len(doc["summary"]["categories"]), 6)
        self.assertEqual([t["name"] for t in doc["summary"]["tiers"]], ["一等奖", "二等奖", "三等奖"])
        self.assertEqual(self.kexie("check", data("campaign.json"), "--quiet")[1], "")

    def test_every_problem_with_pointer_line_and_column(self):
        self.write("bad.json", '{"format": "kexie.campaign/1",\n "name": 3}\n')
        rc, out, err = self.kexie("check", "bad.json")
        self.assertEqual(rc, 1)
        self.assertIn("bad.json: /name (2:10)", out)
        self.assertIn('/organizer (1:1): missing required key "organizer"', out)
        rc, out, err = self.kexie("check", "bad.json", "--json")
        doc = self.json_of(out)
        self.assertGreaterEqual(len(doc["problems"]), 5)
        self.assertEqual((doc["problems"][0]["pointer"], doc["problems"][0]["line"],
                          doc["problems"][0]["column"]), ("/name", 2, 10))

    def test_organizer_not_in_the_registry(self):
        camp = json.loads(pathlib.Path(data("campaign.json")).read_text())
        camp["organizer"] = "NO-SUCH-ORG"
        self.write("c.json", json.dumps(camp, ensure_ascii=False))
        rc, out, err = self.kexie("check", "c.json", "--registry", data("registry.json"))
        self.assertEqual(rc, 1)
        self.assertIn("NO-SUCH-ORG", out)

    def test_broken_json_is_corrupt_input(self):
        self.write("broken.json", '{"format": ')
        self.assertEqual(self.kexie("check", "broken.json")[0], 3)
        self.assertEqual(self.kexie("check", "missing.json")[0], 3)


class Documents(CommandCase):
    ARGS = None

    def setUp(self):
        super().setUp()
        self.args = [data("campaign.json"), "--registry", data("registry.json"), "--entries",
                     data("entries.json")]

    def test_score_writes_results_document_and_report(self):
        rc, out, err = self.kexie("score", *self.args, "-o", "results.json", "-o",
                                  "results.html", "--json")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertEqual(doc["digest"], DEMO_DIGEST)  # the C++ demo's digest
        results = json.loads((self.dir / "results.json").read_text())
        self.assertEqual(results["format"], "kexie.results/1")
        self.assertEqual(results["digest"], DEMO_DIGEST)
        self.assertIn("ZJ2025-1216", (self.dir / "results.html").read_text())

    def test_score_explanations_summary_or_full(self):
        schema = json.loads((pathlib.Path(SOURCE) / "schemas/kexie.results-1.schema.json")
                            .read_text())
        rc, _, err = self.kexie("score", *self.args, "-o", "summary.json", "--quiet")
        self.assertEqual(rc, 0, err)
        rc, _, err = self.kexie("score", *self.args, "-o", "full.json", "--explanations",
                                "full", "--quiet")
        self.assertEqual(rc, 0, err)
        summary = json.loads((self.dir / "summary.json").read_text())
        full = json.loads((self.dir / "full.json").read_text())
        jsonschema.validate(summary, schema)
        jsonschema.validate(full, schema)
        self.assertEqual(summary["explanations"], "summary")
        self.assertEqual(full["explanations"], "full")
        entry = {e["code"]: e for e in summary["entries"]}["ZJ2025-1216"]
        whole = {e["code"]: e for e in full["entries"]}["ZJ2025-1216"]
        self.assertNotIn("text", entry["explanation"])
        self.assertIn("dropped", whole["explanation"]["text"]["en"])
        # The summary counts what the full form lists.
        for short, line in zip(entry["explanation"]["lines"], whole["explanation"]["lines"]):
            self.assertEqual(short["marks"], len(line["marks"]))
            self.assertEqual(short["dropped"], sum(m["dropped"] for m in line["marks"]))
            self.assertEqual(short["contribution"], line["contribution"])
        # A summary does not pass for the full form (the schema ties the key to the form).
        summary["explanations"] = "full"
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate(summary, schema)
        self.assertEqual(self.kexie("score", *self.args, "-o", "r.json", "--explanations",
                                    "some")[0], 2)

    def test_score_entries_from_csv(self):
        # The demo as CSV tables over the registry document: entries.csv, judges.csv,
        # then assignments, marks (GB18030) and vetoes, scores to the demo's digest.
        tables = [data("campaign.json"), "--registry", data("registry.json"),
                  "--entries", data("entries.csv"), "--judges", data("judges.csv"),
                  "--assignments", data("assignments.csv"), "--vetoes", data("vetoes.csv")]
        rc, out, err = self.kexie("score", *tables, "--marks", data("marks-gb18030.csv"),
                                  "-o", "results.json", "--json")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.json_of(out)["digest"], DEMO_DIGEST)
        results = json.loads((self.dir / "results.json").read_text())
        self.assertEqual(len(results["entries"]), 300)
        # A bad row is refused with its file, line and field; nothing is written.
        text = pathlib.Path(data("entries.csv")).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        rows[3][rows[0].index("category")] = "poetry"
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        self.write("bad-entries.csv", out.getvalue())
        rc, out, err = self.kexie("score", data("campaign.json"), "--registry",
                                  data("registry.json"), "--entries", "bad-entries.csv",
                                  "-o", "bad.json")
        self.assertEqual(rc, 1, err)
        self.assertIn("bad-entries.csv:4", err)
        self.assertIn("poetry", err)
        self.assertFalse((self.dir / "bad.json").exists())
        # Judges need CAMPAIGN (a snapshot holds its own).
        self.assertEqual(self.kexie("score", "--snapshot", "x.kxs", "--judges",
                                    data("judges.csv"))[0], 2)

    def test_explain(self):
        rc, out, err = self.kexie("explain", *self.args, "ZJ2025-1216", "--lang", "en")
        self.assertEqual(rc, 0, err)
        self.assertIn("ZJ2025-1216", out)
        self.assertIn("dropped", out)

    def test_refused_documents(self):
        entries = json.loads(pathlib.Path(data("entries.json")).read_text())
        entries["marks"][0][3] = "1000"
        # Indented: r3-json's reader finds columns by scanning each line, so a 1 MB
        # document on one line is slow (noted for the coordinator).
        self.write("e.json", json.dumps(entries, ensure_ascii=False, indent=1))
        rc, out, err = self.kexie("score", data("campaign.json"), "--registry",
                                  data("registry.json"), "--entries", "e.json", "--json")
        self.assertEqual(rc, 1, err)
        doc = self.json_of(out)
        self.assertTrue(doc["error"]["problems"][0]["pointer"].startswith("/marks/0"),
                        doc["error"])
        self.assertIn("e.json", err)

    def test_usage(self):
        self.assertEqual(self.kexie("score", data("campaign.json"))[0], 2)
        self.assertEqual(self.kexie("score", *self.args, "-o", "r.xls")[0], 2)
        self.assertEqual(self.kexie("score", *self.args, "-o", "r.csv", "--csv-encoding",
                                    "latin1")[0], 2)

    def test_score_writes_csv_and_xlsx(self):
        rc, out, err = self.kexie("score", *self.args, "-o", "results.csv", "-o",
                                  "results.xlsx", "--json")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertEqual(doc["digest"], DEMO_DIGEST)
        written = doc["outputs"]
        self.assertEqual(written[0], "results.csv")
        self.assertEqual(written[-1], "results.xlsx")
        csvs = written[:-1]
        self.assertIn("results-先进单位.csv", csvs)
        first = (self.dir / "results.csv").read_bytes()
        self.assertTrue(first.startswith(b"\xef\xbb\xbf"))  # UTF-8 with a byte-order mark
        lines = first.decode("utf-8-sig").splitlines()
        self.assertIn("项目编号", lines[0])
        self.assertIn("ZJ2025-1216", first.decode("utf-8-sig"))
        import openpyxl
        book = openpyxl.load_workbook(self.dir / "results.xlsx", read_only=True)
        self.assertEqual(len(book.sheetnames), len(csvs))
        self.assertIn("先进单位", book.sheetnames)
        # GB18030 on request, without a byte-order mark.
        rc, out, err = self.kexie("score", *self.args, "-o", "gb.csv", "--csv-encoding",
                                  "gb18030", "--quiet")
        self.assertEqual(rc, 0, err)
        gb = (self.dir / "gb.csv").read_bytes()
        self.assertFalse(gb.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(gb.decode("gb18030"), first.decode("utf-8-sig"))

    def judges_only(self):
        entries = json.loads(pathlib.Path(data("entries.json")).read_text())
        for key in ("assignments", "marks", "vetoes"):
            entries[key] = []
        self.write("judges-only.json", json.dumps(entries, ensure_ascii=False, indent=1))
        return [data("campaign.json"), "--registry", data("registry.json"), "--entries",
                "judges-only.json"]

    def test_score_reads_assignments_marks_and_vetoes_from_csv(self):
        args = self.judges_only()
        rc, out, err = self.kexie("score", *args, "--assignments", data("assignments.csv"),
                                  "--marks", data("marks-gb18030.csv"), "--vetoes",
                                  data("vetoes.csv"), "--json")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.json_of(out)["digest"], DEMO_DIGEST)  # as from the documents
        # Without the vetoes the results differ: the tables are really read.
        rc, out, err = self.kexie("score", *args, "--assignments", data("assignments.csv"),
                                  "--marks", data("marks.csv"), "--json")
        self.assertEqual(rc, 0, err)
        self.assertNotEqual(self.json_of(out)["digest"], DEMO_DIGEST)

    def test_score_reads_the_registry_from_csv_tables(self):
        # --registry DIR: the registry-<kind>.csv tables of the demo, the same codes as
        # registry.json, so the entries document names the same units and people.
        reg = self.dir / "reg"
        reg.mkdir()
        for kind in ("organizations", "people", "memberships"):
            shutil.copy(data(f"registry-{kind}.csv"), reg)
        rc, out, err = self.kexie("score", data("campaign.json"), "--registry", "reg",
                                  "--entries", data("entries.json"), "--json")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.json_of(out)["digest"], DEMO_DIGEST)
        # Only registry-organizations.csv is required; the people named by the entries
        # document are then unknown codes, refused.
        os.makedirs(self.dir / "orgs-only")
        shutil.copy(data("registry-organizations.csv"), self.dir / "orgs-only")
        rc, out, err = self.kexie("score", data("campaign.json"), "--registry", "orgs-only",
                                  "--entries", data("entries.json"), "--json")
        self.assertEqual(rc, 1, err)
        # A row the registry refuses names its table and line.
        people = (reg / "registry-people.csv").read_text(encoding="utf-8-sig").splitlines()
        first = people[1].split(",")
        first[3] = "NO-SUCH-ORG"  # employer
        (reg / "registry-people.csv").write_text("\n".join([people[0], ",".join(first)]
                                                           + people[2:]) + "\n",
                                                 encoding="utf-8")
        rc, out, err = self.kexie("score", data("campaign.json"), "--registry", "reg",
                                  "--entries", data("entries.json"))
        self.assertEqual(rc, 1, err)
        self.assertIn("registry-people.csv:2", err)
        # A directory without registry-organizations.csv is an input error.
        (reg / "registry-organizations.csv").unlink()
        rc, out, err = self.kexie("score", data("campaign.json"), "--registry", "reg",
                                  "--entries", data("entries.json"))
        self.assertEqual(rc, 3, err)
        self.assertIn("registry-organizations.csv", err)

    def test_score_timings(self):
        # --timings: one step per input read, the scoring and each output written (with
        # the panel agreement computed once for .json and .csv, and the result sheets).
        rc, out, err = self.kexie("score", *self.args, "-o", "r.json", "-o", "r.csv",
                                  "--timings", "--json")
        self.assertEqual(rc, 0, err)
        t = self.json_of(out)["timings"]
        self.assertEqual([s["kind"] for s in t["steps"]], ["read", "score", "write", "write",
                                                          "write", "write"])
        self.assertEqual([s["step"] for s in t["steps"]][2], "panel agreement (panel_agreement)")
        self.assertEqual([s["step"] for s in t["steps"]][-1], "r.csv")
        self.assertLessEqual(t["reading"] + t["scoring"] + t["writing"], t["total"])
        rc, out, err = self.kexie("score", *self.args, "--timings", "-q")
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, "")
        self.assertIn("Campaign::score", err)
        # Without the flag, no timings.
        rc, out, err = self.kexie("score", *self.args, "--json")
        self.assertNotIn("timings", self.json_of(out))

    def test_max_values_sets_the_document_limit(self):
        # The demo's registry document holds more than 1 000 values: refused as corrupt
        # input naming the limit; a limit above its size reads it.
        rc, out, err = self.kexie("score", *self.args, "--max-values", "1000")
        self.assertEqual(rc, 3, err)
        self.assertIn("DocumentLimits::max_values", err)
        rc, out, err = self.kexie("score", *self.args, "--max-values", "100000", "--json")
        self.assertEqual(rc, 0, err)
        self.assertEqual(self.json_of(out)["digest"], DEMO_DIGEST)

    def test_a_refused_csv_mark_names_its_place(self):
        args = self.judges_only()
        marks = pathlib.Path(data("marks.csv")).read_text(encoding="utf-8-sig").splitlines()
        head, first = marks[0], marks[1].split(",")
        first[3] = "1000"  # off the scale
        self.write("marks.csv", "\n".join([head, ",".join(first)] + marks[2:]) + "\n")
        rc, out, err = self.kexie("score", *args, "--assignments", data("assignments.csv"),
                                  "--marks", "marks.csv")
        self.assertEqual(rc, 1, err)
        self.assertIn("marks.csv:2", err)  # line 2, the first mark
        self.assertIn("panel.mark_scale", err)
        # A table that cannot be read is an input error.
        rc, out, err = self.kexie("score", *args, "--marks", "no-such.csv")
        self.assertEqual(rc, 3, err)


class Scenarios(CommandCase):
    def scenarios(self):
        return sorted(str(p) for p in (SOURCE / "examples/scenarios").glob("*.json"))

    def test_the_examples_pass(self):
        files = self.scenarios()
        self.assertEqual(len(files), 3)
        rc, out, err = self.kexie("test", *files, "--json")
        self.assertEqual(rc, 0, out + err)
        doc = self.json_of(out)
        self.assertTrue(doc["ok"])
        self.assertEqual([s["ok"] for s in doc["scenarios"]], [True, True, True])

    def test_a_changed_expectation_fails_with_its_diff(self):
        src = SOURCE / "examples/scenarios/published-award-list.json"
        scenario = json.loads(src.read_text())
        for key in ("campaign", "registry", "entries"):
            scenario[key] = str((src.parent / scenario[key]).resolve())
        scenario["expect"]["awards"]["professional_skills"]["一等奖"] = 6
        scenario["expect"]["entries"]["ZJ2025-1216"]["total"] = "98.19"
        self.write("changed.json", json.dumps(scenario, ensure_ascii=False))
        rc, out, err = self.kexie("test", "changed.json")
        self.assertEqual(rc, 1, err)
        self.assertIn("FAIL  changed.json", out)
        self.assertIn("  awards/professional_skills/一等奖\n    - expected: 6\n"
                      "    + actual:   5\n", out)
        self.assertIn('  entries/ZJ2025-1216/total\n    - expected: "98.19"\n'
                      '    + actual:   "98.18"\n', out)
        self.assertIn("0/1 scenarios passed", out)
        self.assertEqual(out.count("    - expected"), 2)

    def test_an_expected_refusal_that_does_not_come(self):
        src = SOURCE / "examples/scenarios/team-size-limit.json"
        scenario = json.loads(src.read_text())
        for key in ("campaign", "registry", "entries"):
            scenario[key] = str((src.parent / scenario[key]).resolve())
        del scenario["campaign_patch"]
        self.write("lenient.json", json.dumps(scenario, ensure_ascii=False))
        rc, out, err = self.kexie("test", "lenient.json")
        self.assertEqual(rc, 1)
        self.assertIn("  refused\n", out)

    def test_malformed_scenario(self):
        self.write("s.json", '{"format": "kexie.scenario/1", "campaign": "c.json", '
                             '"registry": "r.json", "expect": {}, "typo": 1}')
        rc, out, err = self.kexie("test", "s.json")
        self.assertEqual(rc, 3)
        self.assertIn("/typo: unknown key", err)


class Export(CommandCase):
    def test_export_round_trip(self):
        for doc in ("registry", "campaign", "results"):
            rc, out, err = self.kexie("snapshot", "export", str(GOLDEN), "--document", doc,
                                      "-o", doc + ".json", "--json")
            self.assertEqual(rc, 0, err)
            self.assertEqual(self.json_of(out)["document"], doc)
            self.assertEqual(json.loads((self.dir / (doc + ".json")).read_text())["format"],
                             "kexie." + doc + "/1")
        # The exported rules check against the exported registry.
        rc, out, err = self.kexie("check", "campaign.json", "--registry", "registry.json")
        self.assertEqual(rc, 0, out + err)

    def test_export_failures(self):
        self.assertEqual(self.kexie("snapshot", "export", str(GOLDEN), "--document", "campaign",
                                    "--campaign", "2", "-o", "c.json")[0], 1)
        self.assertEqual(self.kexie("snapshot", "export", str(GOLDEN), "--document", "x",
                                    "-o", "c.json")[0], 2)
        self.assertEqual(self.kexie("snapshot", "export", str(GOLDEN), "-o", "no/dir/r.json")[0],
                         3)
        self.assertFalse((self.dir / "c.json").exists())


class ReportStructure(html.parser.HTMLParser):
    """Collects what the structure test checks: tags nest and close, and where
    every table row, SVG element and script are."""

    VOID = {"meta", "input", "br", "img", "link", "hr", "rect", "line"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.errors = []
        self.ids = set()
        self.scripts = []
        self.external = []
        self.csp = None
        self.sections = {}
        self.rows = {}
        self.tier_lines = 0
        self.svgs = 0
        self.disagree = 0
        self.search_rows = 0
        self._in_script = False
        self._section = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids.add(a["id"])
        for key in ("src", "href"):
            if key in a:
                self.external.append((tag, a[key]))
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content")
        if tag == "section" and "id" in a:
            self._section = a["id"]
        if tag == "tr" and self._section:
            self.rows[self._section] = self.rows.get(self._section, 0) + 1
            if "disagree" in a.get("class", ""):
                self.disagree += 1
            if "data-search" in a:
                self.search_rows += 1
        if tag == "line" and "tier" in a.get("class", ""):
            self.tier_lines += 1
        if tag == "svg":
            self.svgs += 1
        if tag == "script":
            self.scripts.append("")
            self._in_script = True
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


class ReportHtml(CommandCase):
    def parse(self, *extra):
        rc, out, err = self.kexie("score", "--snapshot", str(GOLDEN), "-o", "r.html", *extra)
        self.assertEqual(rc, 0, err)
        text = (self.dir / "r.html").read_text(encoding="utf-8")
        parser = ReportStructure()
        parser.feed(text)
        parser.close()
        return text, parser

    def test_structure(self):
        text, p = self.parse("--lang", "en")
        self.assertTrue(text.startswith("<!DOCTYPE html>"))
        self.assertEqual(p.errors, [])
        self.assertEqual(p.stack, [])
        # Self-contained: nothing fetched, and the browser is told so.
        self.assertEqual(p.external, [])
        self.assertIn("default-src 'none'", p.csp)
        self.assertNotIn("http://", text.replace('xmlns="http://www.w3.org/2000/svg"', ""))
        self.assertNotIn("https://", text)
        self.assertNotIn("@import", text)
        self.assertNotIn("url(", text)
        # The parts the issue names.
        for section in ("awards", "cusps", "leniency", "agreement", "search", "hits"):
            self.assertIn(section, p.ids)
        self.assertIn("category-rationalization_proposals", p.ids)
        # 12 entries in the award list (+1 header row), 4 cusps (+1), the five judges.
        self.assertEqual(p.rows["category-rationalization_proposals"], 13)
        self.assertEqual(p.rows["cusps"], 5)
        self.assertEqual(p.rows["leniency"], 6)
        self.assertEqual(p.search_rows, 12 + 4)
        # One distribution chart with a boundary per awarded tier, one leniency chart.
        self.assertEqual(p.svgs, 2)
        self.assertEqual(p.tier_lines, 3)
        self.assertGreaterEqual(p.rows["agreement"], 2)
        # One inline script: the search box.
        self.assertEqual(len(p.scripts), 1)
        self.assertIn("getElementById('search')", p.scripts[0])

    def test_language(self):
        text, _ = self.parse("--lang", "zh")
        self.assertIn('<html lang="zh-CN">', text)
        self.assertIn("获奖名单", text)
        self.assertIn("合理化建议", text)
        text, _ = self.parse("--lang", "en")
        self.assertIn("Award list", text)


class Assign(CommandCase):
    """`kexie assign`: the demo's entries with no judges assigned yet."""

    def setUp(self):
        super().setUp()
        entries = json.loads(pathlib.Path(data("entries.json")).read_text())
        entries["assignments"], entries["marks"], entries["vetoes"] = [], [], []
        self.judges = [j["code"] for j in entries["judges"]]
        self.write("e.json", json.dumps(entries, ensure_ascii=False, indent=1))
        entries["judges"] = entries["judges"][:4]  # fewer than the 5 each entry needs
        self.write("few.json", json.dumps(entries, ensure_ascii=False, indent=1))
        self.base = [data("campaign.json"), "--registry", data("registry.json")]

    def test_proposal_explained_and_written_as_csv(self):
        rc, out, err = self.kexie("assign", *self.base, "--entries", "e.json", "-o", "a.csv",
                                  "--seed", "7", "--json")
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        self.assertEqual(doc["pairs"], 300 * 5)
        self.assertEqual(doc["output"], "a.csv")
        self.assertEqual(len(doc["entries"]), 300)
        for e in doc["entries"]:
            chosen = {j["judge"] for j in e["judges"]}
            self.assertEqual(len(chosen), 5, e["entry"])
            self.assertFalse(chosen & {x["judge"] for x in e["excluded"]}, e["entry"])
            for x in e["excluded"]:
                self.assertIn(e["entry"], x["reason"])
        self.assertTrue(any(x["rule"] == "panel.conflict"
                            for e in doc["entries"] for x in e["excluded"]))
        lines = (self.dir / "a.csv").read_text(encoding="utf-8-sig").splitlines()
        self.assertEqual(lines[0],
                         "judge,entry,judge_name,organization,expertise,shares_organization,cost")
        rows = [line.split(",")[:2] for line in lines[1:]]
        self.assertEqual(len(rows), 1500)
        self.assertTrue(all(j in self.judges for j, _ in rows))
        # The file's pairs are the proposal's: recorded, they leave nothing to propose.
        entries = json.loads((self.dir / "e.json").read_text())
        entries["assignments"] = rows
        self.write("assigned.json", json.dumps(entries, ensure_ascii=False, indent=1))
        rc, out, err = self.kexie("assign", *self.base, "--entries", "assigned.json", "--json")
        self.assertEqual(rc, 0, err)
        again = self.json_of(out)
        self.assertEqual(again["pairs"], 0)
        self.assertTrue(all(j["kept"] for e in again["entries"] for j in e["judges"]))
        # The same seed, the same file.
        self.assert_exit(self.kexie("assign", *self.base, "--entries", "e.json", "-o", "b.csv",
                                    "--seed", "7", "-q"), 0)
        self.assertEqual((self.dir / "a.csv").read_bytes(), (self.dir / "b.csv").read_bytes())

    def test_text_summary_and_chosen_judges(self):
        rc, out, err = self.kexie("assign", *self.base, "--entries", "e.json", "--lang", "en")
        self.assertEqual(rc, 0, err)
        self.assertIn("1500 new assignments", out)
        self.assertRegex(out, r"ZJ2025-1000: J\d+ \(")
        self.assertIn("excluded panel.conflict", out)
        listed = self.judges[:8]  # the last judge takes nothing
        rc, out, err = self.kexie("assign", *self.base, "--entries", "e.json", "--json",
                                  "--judges", *listed)
        self.assertEqual(rc, 0, err)
        doc = self.json_of(out)
        used = {j["judge"] for e in doc["entries"] for j in e["judges"]}
        self.assertTrue(used <= set(listed), used - set(listed))

    def test_infeasible_names_entries_and_reasons(self):
        rc, out, err = self.kexie("assign", *self.base, "--entries", "few.json", "--json")
        self.assertEqual(rc, 1, err)
        doc = self.json_of(out)
        self.assertEqual(doc["error"]["rule"], "assignment.infeasible")
        self.assertEqual(doc["error"]["article"], "A12")
        self.assertIn("ZJ2025-", doc["error"]["message"])
        rc, out, err = self.kexie("assign", *self.base, "--entries", "few.json")
        self.assertEqual(rc, 1)
        self.assertIn("assignment.infeasible", err)
        self.assertFalse((self.dir / "a.csv").exists())

    def test_man_page_and_completion_know_assign(self):
        rc, out, err = self.kexie("--generate-man", "kexie.1", "--generate-completion", "k.bash")
        self.assertEqual(rc, 0, err)
        man = (self.dir / "kexie.1").read_text()
        self.assertIn(".SS kexie assign", man)
        self.assertIn("\\-\\-spread\\-required", man)
        script = (f"source {self.dir / 'k.bash'}\n"
                  "COMP_WORDS=(kexie assign --spr); COMP_CWORD=2; _kexie; "
                  "echo \"${COMPREPLY[*]}\"\n")
        p = subprocess.run(["bash", "-c", script], capture_output=True, text=True)
        self.assertEqual(p.stdout.splitlines(), ["--spread-required"], p.stderr)

    def test_usage_errors(self):
        self.assert_exit(self.kexie("assign", *self.base), 2)  # no --entries
        self.assert_exit(self.kexie("assign", *self.base, "--entries", "e.json", "-o", "a.txt"),
                         2)
        rc, out, err = self.kexie("assign", *self.base, "--entries", "e.json", "--judges", "J99")
        self.assertEqual(rc, 2)
        self.assertIn("J99", err)
        self.assert_exit(self.kexie("assign", *self.base, "--entries", "e.json", "--seed", "x"),
                         2)


def main():
    global KEXIE, SOURCE, SCHEMA, GOLDEN
    KEXIE = os.path.abspath(sys.argv[1])
    SOURCE = pathlib.Path(sys.argv[2])
    SCHEMA = json.loads((SOURCE / "tools/kexie/output.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    GOLDEN = SOURCE / "tests/data/snapshot-v2.kxs"
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=1)


if __name__ == "__main__":
    main()
