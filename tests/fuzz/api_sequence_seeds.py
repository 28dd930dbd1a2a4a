#!/usr/bin/python3
"""Writes the seed corpus of api_sequence_fuzz: 24 inputs of pseudo-random bytes from a
fixed seed (the target decodes any bytes into a call sequence; half start from the
built world, half from an empty registry), 64 bytes to 4 KiB long; then 16 inputs for
the round-6 calls (op bytes 248-255: scoring on several threads and into a reused
board, standings and their columns, marks on several threads, the entry table read at
and past its ends, boards of campaigns that are gone), in which about a third of the
bytes are 248-255 so that many op bytes select them, all starting from the built world
with kx_campaign_score (op byte 35) as their first call, so that a board exists early.
    /usr/bin/python3 tests/fuzz/api_sequence_seeds.py tests/fuzz/corpus/api_sequence_fuzz
"""
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = random.Random(16)
for i in range(24):
    size = 64 << (i % 7)
    data = bytearray(rng.getrandbits(8) for _ in range(size))
    data[-1] = i % 2  # FuzzedDataProvider reads the world/empty choice from the end
    with open(os.path.join(out, "seed-%02d" % i), "wb") as f:
        f.write(data)

rng = random.Random(17)
for i in range(16):
    size = 256 << (i % 4)
    data = bytearray(
        rng.randrange(248, 256) if rng.random() < 0.35 else rng.getrandbits(8) for _ in range(size))
    data[-1] = 1  # the built world: a campaign with entries, judges and marks to score
    data[-2] = 35  # the first op byte (read from the end, after the world byte)
    with open(os.path.join(out, "seed-r6-%02d" % i), "wb") as f:
        f.write(data)
