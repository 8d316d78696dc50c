package io.aigenda.app.eval;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.aigenda.app.SharedFolder;
import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioSource;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.Diarizer;
import io.aigenda.diarization.SpeakerSegmenter;

/**
 * Writes every evaluation recording's windows as the default path clusters them (the
 * per-recording normalised embedding and the calibrated one) with the reference speaker
 * who covers most of each window, so that speaker-count statistics can be studied without
 * embedding the audio again. Also writes looped copies of real recordings (long material
 * that repeats the same voices). Arguments: output TSV.
 */
public final class WindowDumpTool {

	public static void main(String[] args) throws Exception {
		Path evalDev = SharedFolder.evalDev("diarization").getParent();
		List<EvalDiarizationCommand.Case> cases = new ArrayList<>();
		cases.addAll(EvalDiarizationCommand.cases(List.of(SharedFolder.evalDev("diarization"))));
		cases.addAll(EvalDiarizationCommand.moreCases(SharedFolder.evalDev("diarization")));
		for (long seed = 1; seed <= 3; seed++) {
			for (EvalDiarizationCommand.Case c : SyntheticMeetings.build(evalDev, SyntheticMeetings.DEFAULT, seed)) {
				cases.add(new EvalDiarizationCommand.Case("s" + seed + "/" + c.name(), c.audio(), c.reference(),
						c.uem(), c.samples()));
			}
		}
		cases.addAll(HeldOutMixes.build(SharedFolder.evalDev("asr"), true));
		List<EvalDiarizationCommand.Case> loops = new ArrayList<>();
		for (EvalDiarizationCommand.Case c : cases) {
			if (c.name().contains("sample") || c.name().contains("dev00") || c.name().contains("long_ru")
					|| c.name().contains("jfk") && !c.name().contains("+")) {
				loops.add(loop(c, 360));
			}
		}
		cases.addAll(loops);
		Diarizer diarizer = Diarizer.withDefaults();
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
			for (EvalDiarizationCommand.Case c : cases) {
				if (c.reference() == null || c.reference().isEmpty()) {
					continue;
				}
				Diarizer.Embedded e = diarizer.embed(c.source());
				long speakers = c.reference().stream().map(SpeakerTurn::speaker).distinct().count();
				List<SpeakerSegmenter.Window> windows = e.segmentation().windows();
				for (int i = 0; i < windows.size(); i++) {
					SpeakerSegmenter.Window w = windows.get(i);
					StringBuilder row = new StringBuilder();
					row.append(c.name()).append('\t').append(speakers).append('\t');
					row.append(String.format(Locale.ROOT, "%.3f\t%.3f\t", w.start(), w.end()));
					row.append(label(c.reference(), w));
					for (float x : e.embeddings()[i]) {
						row.append('\t').append(String.format(Locale.ROOT, "%.5g", x));
					}
					row.append("\t|");
					for (float x : e.calibrated()[i]) {
						row.append('\t').append(String.format(Locale.ROOT, "%.5g", x));
					}
					out.println(row);
				}
				System.err.println(c.name() + ": " + speakers + " speakers, " + windows.size() + " windows");
			}
		}
	}

	/**
	 * The recording repeated to at least {@code seconds}, with its reference repeated.
	 */
	private static EvalDiarizationCommand.Case loop(EvalDiarizationCommand.Case c, double seconds) {
		AudioSource source = c.source();
		Audio audio = (source instanceof Audio a) ? a : source.read(0, (int) source.length());
		double length = audio.durationSeconds();
		int times = (int) Math.ceil(seconds / length);
		float[] samples = new float[audio.samples().length * times];
		List<SpeakerTurn> reference = new ArrayList<>();
		for (int t = 0; t < times; t++) {
			System.arraycopy(audio.samples(), 0, samples, t * audio.samples().length, audio.samples().length);
			for (SpeakerTurn turn : c.reference()) {
				reference.add(new SpeakerTurn(turn.start() + t * length, turn.end() + t * length, turn.speaker()));
			}
		}
		return new EvalDiarizationCommand.Case("loop/" + c.name(), null, reference, null,
				new Audio(samples, audio.sampleRate()));
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
		return cover.entrySet()
			.stream()
			.filter(en -> en.getValue() >= 0.6 * length)
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElse("-");
	}

}
