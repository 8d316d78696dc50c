package io.aigenda.diarization;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.audio.SileroVad;
import io.aigenda.audio.VadOptions;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.RttmFiles;

/**
 * Writes the raw window embeddings of the default path (or of a pulled model: arguments
 * {@code LIST OUT onnx|torchscript MODEL}) for a list of recordings (tab separated: id,
 * audio, RTTM or {@code SINGLE:label}), each window with the reference speaker who alone
 * covers most of it ({@code -} when none does), so that calibration and thresholds can be
 * studied without embedding the audio again.
 */
public final class EmbeddingDumpTool {

	public static void main(String[] args) throws Exception {
		DiarizationProperties properties = DiarizationProperties.defaults();
		DiarizationProperties.Vad v = properties.vad();
		byte[] model;
		try (var in = SileroVad.class.getResourceAsStream(SileroVad.MODEL_RESOURCE)) {
			model = in.readAllBytes();
		}
		try (SileroVad vad = new SileroVad(model,
				new VadOptions(v.threshold(), v.minSpeechSeconds(), v.minSilenceSeconds(), v.padSeconds()));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
			VadWindowSegmenter segmenter = new VadWindowSegmenter(vad, properties.segmentation());
			// a pulled model (args: onnx|torchscript FILE) or the default embedder
			DiarizationProperties chosen = (args.length >= 4) ? properties.withModels(properties.models()
				.withEmbedder(DiarizationProperties.Models.EmbedderKind.valueOf(args[2].toUpperCase(Locale.ROOT)),
						args[3]))
					: properties;
			SpeakerEmbedder embedder = Diarizer.embedder(chosen);
			for (String line : Files.readAllLines(Path.of(args[0]))) {
				String[] f = line.split("\t");
				Audio audio = AudioDecoders.detect().decode(Path.of(f[1]));
				List<SpeakerTurn> reference = null;
				String single = null;
				if (f[2].startsWith("SINGLE:")) {
					single = f[2].substring(7);
				}
				else {
					Map<String, List<SpeakerTurn>> all = RttmFiles.read(Path.of(f[2]));
					reference = all.values().iterator().next();
				}
				List<SpeakerSegmenter.Window> windows = segmenter.segment(audio).windows();
				float[][] raw = embedder.raw(audio, windows);
				for (int i = 0; i < windows.size(); i++) {
					SpeakerSegmenter.Window w = windows.get(i);
					String label = (single != null) ? single : label(reference, w);
					StringBuilder row = new StringBuilder();
					row.append(f[0]).append('\t').append(String.format(Locale.ROOT, "%.3f\t%.3f", w.start(), w.end()));
					row.append('\t').append(label);
					for (float x : raw[i]) {
						row.append('\t').append(String.format(Locale.ROOT, "%.5g", x));
					}
					out.println(row);
				}
				System.err.println(f[0] + ": " + windows.size() + " windows");
			}
		}
	}

	private static String label(List<SpeakerTurn> reference, SpeakerSegmenter.Window w) {
		double length = w.end() - w.start();
		java.util.Map<String, Double> cover = new java.util.HashMap<>();
		for (SpeakerTurn t : reference) {
			double o = Math.min(t.end(), w.end()) - Math.max(t.start(), w.start());
			if (o > 0) {
				cover.merge(t.speaker(), o, Double::sum);
			}
		}
		String best = "-";
		double bestCover = 0;
		double others = 0;
		for (var e : cover.entrySet()) {
			if (e.getValue() > bestCover) {
				others += bestCover;
				bestCover = e.getValue();
				best = e.getKey();
			}
			else {
				others += e.getValue();
			}
		}
		return (bestCover >= 0.6 * length && others <= 0.15 * length) ? best : "-";
	}

}
