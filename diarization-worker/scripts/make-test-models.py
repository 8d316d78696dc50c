#!/usr/bin/env python3
"""Writes the small model files that the diarization tests load, and reference outputs for them.

The real pyannote segmentation-3.0 and WeSpeaker ResNet34 weights come from `aigenda models pull`.
The tests cannot download them, so they load models with the same inputs and outputs instead:

  tiny-segmentation.onnx  waveform (batch, 1, 160000) at 16 kHz -> log powerset probabilities
                          (batch, 589, 7), as pyannote segmentation-3.0: classes none, {1}, {2},
                          {3}, {1,2}, {1,3}, {2,3}. Loudness decides speech, spectral brightness
                          decides the speaker, so real speech gives changing, overlapping output.
  tiny-wespeaker.onnx     Kaldi fbank (batch, frames, 80) -> embedding (batch, 256), as WeSpeaker.
  tiny-wespeaker.pt       the same embedder as TorchScript, for the DJL PyTorch engine.

and, for a clip given with --clip (16 kHz mono 16-bit WAV), the outputs PyTorch computes:

  reference.json          shapes, the clip's first sample and length used
  fbank.f32               torchaudio's Kaldi-compatible fbank of the clip (little-endian float32)
  embedding.f32           tiny-wespeaker's embedding of that fbank after mean normalisation
  segmentation.f32        tiny-segmentation's output for the clip's first 10 s

Needs PyTorch, torchaudio and onnx. Usage: make-test-models.py --clip CLIP.wav --out DIR
"""
import argparse
import json
import math
import os
import wave

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SAMPLE_RATE = 16000
CHUNK = 10 * SAMPLE_RATE
RECEPTIVE_FIELD = 991
FRAME_STEP = 270


class TinySegmentation(nn.Module):

    def forward(self, waveform):
        x = waveform
        energy = F.avg_pool1d(x * x, RECEPTIVE_FIELD, FRAME_STEP)
        diff = x[:, :, 1:] - x[:, :, :-1]
        diff = F.pad(diff, (1, 0))
        bright = F.avg_pool1d(diff * diff, RECEPTIVE_FIELD, FRAME_STEP)
        loudness = torch.log(energy + 1e-8)
        speech = (loudness - math.log(1e-4)) * 2.0
        brightness = (torch.log(bright + 1e-8) - loudness + 2.5) * 4.0
        logits = torch.cat([
            -speech,
            speech - brightness,
            speech + brightness,
            speech - 12.0,
            speech - 2.0 - brightness.abs() * 2.0,
            speech - 12.0,
            speech - 12.0,
        ], dim=1)
        return F.log_softmax(logits, dim=1).transpose(1, 2)


class TinyWeSpeaker(nn.Module):

    def __init__(self):
        super().__init__()
        self.project = nn.Linear(160, 256)

    def forward(self, feats):
        mean = feats.mean(dim=1)
        std = torch.sqrt(feats.var(dim=1, unbiased=False) + 1e-5)
        return self.project(torch.cat([mean, std], dim=1))


def read_clip(path):
    with wave.open(path) as w:
        if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise SystemExit("the clip must be 16 kHz mono 16-bit PCM")
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32)


def export_onnx(model, example, path, inputs, outputs, axes):
    try:
        torch.onnx.export(model, example, path, input_names=inputs, output_names=outputs,
                          dynamic_axes=axes, opset_version=17, dynamo=False)
    except TypeError:
        torch.onnx.export(model, example, path, input_names=inputs, output_names=outputs,
                          dynamic_axes=axes, opset_version=17)


def write_f32(path, array):
    np.ascontiguousarray(array, dtype="<f4").tofile(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clip", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(20261126)

    segmentation = TinySegmentation().eval()
    export_onnx(segmentation, torch.zeros(1, 1, CHUNK), os.path.join(args.out, "tiny-segmentation.onnx"),
                ["input_values"], ["logits"], {"input_values": {0: "batch"}, "logits": {0: "batch"}})

    embedder = TinyWeSpeaker().eval()
    export_onnx(embedder, torch.zeros(1, 200, 80), os.path.join(args.out, "tiny-wespeaker.onnx"),
                ["feats"], ["embs"], {"feats": {0: "batch", 1: "frames"}, "embs": {0: "batch"}})
    torch.jit.save(torch.jit.script(embedder), os.path.join(args.out, "tiny-wespeaker.pt"))

    import torchaudio.compliance.kaldi as kaldi
    samples = read_clip(args.clip)
    clip = torch.from_numpy(samples[:4 * SAMPLE_RATE]).unsqueeze(0)
    # WeSpeaker's front end: 16-bit sample values, 80 bins, 25 ms / 10 ms, no dither
    fbank = kaldi.fbank(clip, num_mel_bins=80, frame_length=25, frame_shift=10, dither=0.0,
                        energy_floor=0.0, sample_frequency=SAMPLE_RATE)
    with torch.no_grad():
        embedding = embedder((fbank - fbank.mean(dim=0)).unsqueeze(0))[0]
        waveform = torch.zeros(1, 1, CHUNK)
        first = torch.from_numpy(samples[:CHUNK]) / 32768.0
        waveform[0, 0, :first.shape[0]] = first
        log_probs = segmentation(waveform)[0]
    write_f32(os.path.join(args.out, "fbank.f32"), fbank.numpy())
    write_f32(os.path.join(args.out, "embedding.f32"), embedding.numpy())
    write_f32(os.path.join(args.out, "segmentation.f32"), log_probs.numpy())
    classes = torch.bincount(log_probs.argmax(dim=1), minlength=7).tolist()
    with open(os.path.join(args.out, "reference.json"), "w") as f:
        json.dump({"clipSamples": int(clip.shape[1]), "fbank": list(fbank.shape),
                   "embedding": list(embedding.shape), "segmentation": list(log_probs.shape),
                   "segmentationClassCounts": classes, "torch": torch.__version__}, f, indent=1)
    print("wrote", sorted(os.listdir(args.out)), "classes", classes)


if __name__ == "__main__":
    main()
