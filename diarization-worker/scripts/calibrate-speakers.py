#!/usr/bin/env python3
"""Writes speaker-calibration.tsv: the fixed scale on which the default path's window embeddings
(i-vector + MFCC statistics, raw) are compared across and within recordings.

Input: the TSV that the test tool EmbeddingDumpTool writes (recording, start, end, reference speaker
or '-', raw embedding). Only the recordings whose names start with one of --train prefixes are used.
Output: line 1 background mean, line 2 background standard deviation (per dimension, over all
training windows), then the rows of W^-1/2, where W is the within-speaker covariance of the
standardised embeddings (pooled over each recording's speakers), shrunk towards a scaled identity
by --shrink. After z = ((x - mean) / std) W^-1/2 the windows of one speaker scatter about equally
in every direction, so a squared distance divided by the dimension is about 2 for two windows of
one speaker wherever they were recorded.

For a pulled embedding model, dump with that model (EmbeddingDumpTool LIST DUMP.tsv onnx MODEL.onnx)
and write OUT beside it as MODEL.calibration.tsv: the worker then puts that model's windows on this
scale and applies the same single-speaker test and speaker count estimate (re-check the thresholds
with `aigenda eval diarization --synthetic --tune`).

usage: calibrate-speakers.py DUMP.tsv OUT.tsv [--shrink 0.6] [--train ami_dev/ asr/]
"""
import argparse

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("dump")
parser.add_argument("out")
parser.add_argument("--shrink", type=float, default=0.6)
parser.add_argument("--train", nargs="*", default=["ami_dev/", "asr/"])
args = parser.parse_args()

rows = [line.rstrip("\n").split("\t") for line in open(args.dump, encoding="utf-8")]
rows = [r for r in rows if any(r[0].startswith(p) for p in args.train)]
recordings = np.array([r[0] for r in rows])
speakers = np.array([r[3] for r in rows])
x = np.array([[float(v) for v in r[4:]] for r in rows])
mean = x.mean(0)
std = x.std(0) + 1e-9
z = (x - mean) / std
scatter = np.zeros((x.shape[1], x.shape[1]))
count = 0
groups = 0
for recording in sorted(set(recordings)):
    for speaker in sorted(set(speakers[recordings == recording]) - {"-"}):
        member = (recordings == recording) & (speakers == speaker)
        if member.sum() < 2:
            continue
        d = z[member] - z[member].mean(0)
        scatter += d.T @ d
        count += member.sum() - 1
        groups += 1
within = scatter / count
within = (1 - args.shrink) * within + args.shrink * np.eye(len(within)) * np.trace(within) / len(within)
values, vectors = np.linalg.eigh(within)
whiten = vectors @ np.diag(values ** -0.5) @ vectors.T
with open(args.out, "w", encoding="utf-8") as out:
    out.write(f"# speaker calibration: {len(rows)} windows, {groups} speakers of {sorted(str(r) for r in set(recordings))}, "
              f"shrink {args.shrink}\n")
    for row in [mean, std, *whiten]:
        out.write("\t".join(f"{v:.6g}" for v in row) + "\n")
print(f"{len(rows)} windows, {groups} speaker groups, {count} degrees of freedom")
