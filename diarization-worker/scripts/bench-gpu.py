#!/usr/bin/env python3
"""Real-time factor of the diarization models' architectures on a GPU (and the CPU for comparison).

Builds pyannote segmentation-3.0's architecture (SincNet-like front end, 4-layer BiLSTM, powerset
classifier) and WeSpeaker's ResNet34 at their real sizes with random weights (speed does not depend
on the weights), exports both to ONNX and times them the way the diarization worker runs them:
segmentation on 10 s chunks every STEP seconds, one embedding per 10 s chunk and local speaker.
Runs ONNX Runtime with the CUDA execution provider where the installed onnxruntime has it, and
PyTorch on CUDA otherwise. Prints one line per engine with seconds of compute per second of audio.

Usage: bench-gpu.py [--step 2.5] [--batch 32]
"""
import argparse
import os
import tempfile
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Segmentation(nn.Module):

    def __init__(self):
        super().__init__()
        self.sinc = nn.Conv1d(1, 80, 251, stride=10)
        self.norm0 = nn.InstanceNorm1d(80, affine=True)
        self.conv1 = nn.Conv1d(80, 60, 5)
        self.norm1 = nn.InstanceNorm1d(60, affine=True)
        self.conv2 = nn.Conv1d(60, 60, 5)
        self.norm2 = nn.InstanceNorm1d(60, affine=True)
        self.lstm = nn.LSTM(60, 128, num_layers=4, bidirectional=True, batch_first=True, dropout=0.0)
        self.linear1 = nn.Linear(256, 128)
        self.linear2 = nn.Linear(128, 128)
        self.classifier = nn.Linear(128, 7)

    def forward(self, x):
        x = F.leaky_relu(self.norm0(F.max_pool1d(torch.abs(self.sinc(x)), 3)))
        x = F.leaky_relu(self.norm1(F.max_pool1d(self.conv1(x), 3)))
        x = F.leaky_relu(self.norm2(F.max_pool1d(self.conv2(x), 3)))
        x, _ = self.lstm(x.transpose(1, 2))
        x = F.leaky_relu(self.linear2(F.leaky_relu(self.linear1(x))))
        return F.log_softmax(self.classifier(x), dim=-1)


class Block(nn.Module):

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = nn.Sequential()
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + self.short(x))


class ResNet34(nn.Module):

    def __init__(self, channels=32, embed=256):
        super().__init__()
        self.conv = nn.Conv2d(1, channels, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(channels)
        layers, cin = [], channels
        for mult, count, stride in [(1, 3, 1), (2, 4, 2), (4, 6, 2), (8, 3, 2)]:
            for i in range(count):
                layers.append(Block(cin, channels * mult, stride if i == 0 else 1))
                cin = channels * mult
        self.layers = nn.Sequential(*layers)
        self.embed = nn.Linear(cin * 10 * 2, embed)

    def forward(self, feats):
        x = F.relu(self.bn(self.conv(feats.transpose(1, 2).unsqueeze(1))))
        x = self.layers(x)
        x = x.reshape(x.shape[0], -1, x.shape[-1])
        stats = torch.cat([x.mean(dim=-1), torch.sqrt(x.var(dim=-1, unbiased=False) + 1e-5)], dim=1)
        return self.embed(stats)


def timed(run, repeats):
    for _ in range(3):
        run()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(repeats):
        run()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return (time.perf_counter() - start) / repeats


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--step", type=float, default=2.5, help="seconds between segmentation chunks")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--speakers", type=int, default=3, help="embeddings per chunk")
    args = parser.parse_args()
    torch.manual_seed(0)
    seg, emb = Segmentation().eval(), ResNet34().eval()
    waves = torch.randn(args.batch, 1, 160000)
    feats = torch.randn(args.batch, 998, 80)
    # a batch of chunks covers batch * step seconds of new audio
    audio_seconds = args.batch * args.step
    print(f"segmentation params {sum(p.numel() for p in seg.parameters())/1e6:.2f} M, "
          f"resnet34 params {sum(p.numel() for p in emb.parameters())/1e6:.2f} M, "
          f"batch {args.batch}, step {args.step} s")
    results = []
    if torch.cuda.is_available():
        dev = torch.device("cuda")
        s, e = seg.to(dev), emb.to(dev)
        w, f = waves.to(dev), feats.to(dev)
        with torch.no_grad():
            ts = timed(lambda: s(w), 10)
            te = timed(lambda: e(f), 10)
        results.append(("pytorch-cuda " + torch.cuda.get_device_name(0), ts, te))
        seg, emb = seg.cpu(), emb.cpu()
    try:
        import onnxruntime as ort
        providers = ort.get_available_providers()
        print("onnxruntime", ort.__version__, "providers", providers)
        with tempfile.TemporaryDirectory() as tmp:
            sp, ep = os.path.join(tmp, "seg.onnx"), os.path.join(tmp, "emb.onnx")
            torch.onnx.export(seg, waves[:1], sp, input_names=["input_values"], output_names=["logits"],
                              dynamic_axes={"input_values": {0: "b"}, "logits": {0: "b"}}, opset_version=17,
                              dynamo=False)
            torch.onnx.export(emb, feats[:1], ep, input_names=["feats"], output_names=["embs"],
                              dynamic_axes={"feats": {0: "b", 1: "t"}, "embs": {0: "b"}}, opset_version=17,
                              dynamo=False)
            for provider in [p for p in ("CUDAExecutionProvider", "CPUExecutionProvider") if p in providers]:
                ss = ort.InferenceSession(sp, providers=[provider])
                es = ort.InferenceSession(ep, providers=[provider])
                wn, fn = waves.numpy(), feats.numpy()
                ts = timed(lambda: ss.run(None, {"input_values": wn}), 5)
                te = timed(lambda: es.run(None, {"feats": fn}), 5)
                results.append(("onnxruntime " + provider, ts, te))
    except ImportError:
        print("onnxruntime is not installed")
    for name, ts, te in results:
        # per second of audio: one segmentation chunk per step, `speakers` embeddings per chunk
        rtf = (ts + te * args.speakers) / audio_seconds
        print(f"{name}: segmentation {ts*1000:.1f} ms/batch, embedding {te*1000:.1f} ms/batch, "
              f"diarization RTF {rtf:.5f} ({1/rtf:.0f}x real time)")


if __name__ == "__main__":
    main()
