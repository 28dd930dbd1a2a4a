#!/usr/bin/python3
"""Writes the seed corpus of api_sequence_fuzz: 24 inputs of pseudo-random bytes from a
fixed seed (the target decodes any bytes into a call sequence; half start from the
built world, half from an empty registry), 64 bytes to 4 KiB long.
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
