package io.aigenda.app.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.TimeSpan;

/**
 * Real meetings made long: the pyannote call and AMI dev00 repeated to about six minutes,
 * references (and scored spans) repeated with them. A speaker count that grows with the
 * number of windows shows here first: the same two people must stay two however long they
 * talk.
 */
final class LoopedRecordings {

	/** Which recordings are looped, and how many copies make about six minutes. */
	static final Map<String, Integer> COPIES = Map.of("pyannote_sample/sample", 12, "ami_dev/dev00", 6);

	private LoopedRecordings() {
	}

	/** The looped copies of those of {@code cases} that {@link #COPIES} names. */
	static List<EvalDiarizationCommand.Case> build(List<EvalDiarizationCommand.Case> cases) {
		List<EvalDiarizationCommand.Case> looped = new ArrayList<>();
		for (EvalDiarizationCommand.Case item : cases) {
			Integer copies = COPIES.get(item.name());
			if (copies != null && item.audio() != null) {
				looped.add(loop(item, AudioDecoders.detect().decode(item.audio()), copies));
			}
		}
		return looped;
	}

	static EvalDiarizationCommand.Case loop(EvalDiarizationCommand.Case item, Audio audio, int copies) {
		float[] one = audio.samples();
		float[] samples = new float[one.length * copies];
		double seconds = audio.durationSeconds();
		List<SpeakerTurn> reference = new ArrayList<>();
		List<TimeSpan> scored = (item.uem() != null) ? new ArrayList<>() : null;
		for (int copy = 0; copy < copies; copy++) {
			System.arraycopy(one, 0, samples, copy * one.length, one.length);
			double offset = copy * seconds;
			for (SpeakerTurn turn : item.reference()) {
				reference.add(new SpeakerTurn(turn.start() + offset, turn.end() + offset, turn.speaker()));
			}
			if (scored != null) {
				for (TimeSpan span : item.uem()) {
					scored.add(new TimeSpan(span.start() + offset, span.end() + offset));
				}
			}
		}
		return new EvalDiarizationCommand.Case("long/" + item.name() + " x" + copies, null, reference, scored,
				new Audio(samples, audio.sampleRate()));
	}

}
