"""Threads (issue 16 item 3): the package's contract is that every object may be
shared between threads; read-only calls on one registry tree run concurrently
and calls that change it run alone (docs/reliability.md). Each scenario runs in a
child interpreter (isolated.run), so a crash or a "double free" abort fails the
test instead of ending the run."""

import isolated

SETUP = """
def campaign_world(entries=6):
    w = World()
    c = kexie.Campaign(w.reg, spec(w))
    c.set_rubric(kexie.Category.RATIONALIZATION_PROPOSALS, "细则", RUBRIC)
    judges = [c.add_judge(q) for q in w.q]
    for i in range(entries):
        e = entry(c, "E%d" % i, w.steel, w.p[i % 6], 100000 * (i + 1))
        for j in judges:
            c.assign(j, e)
            for code in ("A.1", "A.2"):
                c.mark(j, e, code, 60 + 5 * (i % 7))
    return w, c, judges


def run_threads(*targets):
    errors = []

    def guarded(fn):
        def body():
            try:
                fn()
            except BaseException as e:  # reported by the main thread
                errors.append(repr(e))
        return body

    threads = [threading.Thread(target=guarded(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
"""


def test_one_thread_scores_while_another_adds_entries_and_marks():
    out = isolated.run(SETUP, """
        w, c, judges = campaign_world(2)
        ROUNDS = 1000
        done = threading.Event()
        seen = []

        def scorer():
            while not done.is_set():
                with c.score() as board:
                    seen.append(len(board))
                    board.results()
                c.standings()

        def writer():
            try:
                for i in range(ROUNDS):
                    e = entry(c, "N%d" % i, w.steel, w.p[i % 6], 1000 + i)
                    for j in judges:
                        c.assign(j, e)
                        c.mark(j, e, "A.1", 70)
                        c.mark_many([(j, e, 2, 75)])
            finally:
                done.set()

        run_threads(scorer, writer)
        assert c.counts() == (2 + ROUNDS, 3)
        assert len(seen) > 0 and seen == sorted(seen)
        print(len(seen))
    """, timeout=300)
    assert int(out) > 0


def test_concurrent_reads_agree_with_serial_reads():
    isolated.run(SETUP, """
        w, c, judges = campaign_world(8)
        book = kexie.ActivityBook(w.reg, allow_asserted_roles=True)
        as_of = D(2025, 6, 30)
        expected = (c.score().digest, c.standings(), w.reg.members(w.province, as_of),
                    w.reg.rollup(w.province, as_of), w.reg.subtree(w.cast, as_of),
                    c.find_entry("E3"), len(book))
        board = c.score()
        expected_results = board.results()
        e0 = c.find_entry("E0")
        expected_explanation = board.explain(e0)

        def reader():
            for _ in range(150):
                with c.score() as b:
                    got = (b.digest, c.standings(), w.reg.members(w.province, as_of),
                           w.reg.rollup(w.province, as_of), w.reg.subtree(w.cast, as_of),
                           c.find_entry("E3"), len(book))
                assert got == expected
                assert board.results() == expected_results
                assert board.explain(e0) == expected_explanation

        run_threads(*[reader] * 4)
    """, timeout=300)


def test_readers_really_share_the_lock():
    # Two readers inside the lock at once: a reader waits (in a callback, holding
    # the registry's lock shared) until the other reader is inside too.
    isolated.run(SETUP, """
        from kexie import _capi as C
        w = World()
        inside = threading.Barrier(2, timeout=20)

        def reader():
            with w.reg._reading(kexie.Registry):
                inside.wait()

        run_threads(reader, reader)
    """)


def test_a_writer_waits_for_readers_and_excludes_them():
    isolated.run(SETUP, """
        import time
        w = World()
        log = []
        entered = threading.Event()

        def reader():
            with w.reg._reading(kexie.Registry):
                entered.set()
                time.sleep(0.3)
                log.append("read done")

        def writer():
            entered.wait(20)
            w.reg.add_organization(kexie.OrgKind.SOCIETY, "学会", w.cast, D(1990, 1, 1))
            log.append("write done")

        run_threads(reader, writer)
        assert log == ["read done", "write done"], log
    """)


def test_closing_from_another_thread_while_reading():
    isolated.run(SETUP, """
        for _ in range(30):
            w, c, judges = campaign_world(3)
            book = kexie.ActivityBook(w.reg, allow_asserted_roles=True)
            go = threading.Barrier(3, timeout=20)

            def reader():
                go.wait()
                for _ in range(50):
                    try:
                        c.score().results()
                        w.reg.rollup(w.province, D(2025, 1, 1))
                        len(book)
                    except ValueError:  # closed meanwhile: refused, never freed under us
                        pass

            def closer():
                go.wait()
                w.reg.close()
                c.close()
                book.close()

            run_threads(reader, reader, closer)
            assert w.reg.__dict__["_node"].handle is None
    """, timeout=300)
