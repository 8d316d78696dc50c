package io.aigenda.app.process;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.aigenda.app.client.MeetingStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTests {

	@Test
	void aStalledStepIsShownWithWhatItWaitsFor() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), "jfk", false);

		bar.update(status(new MeetingStatus.StepProgress("TRANSCRIBE", 1, "Transcript stored"),
				new MeetingStatus.StepProgress("DIARIZE", 0.6, "Finding speakers")));
		bar.update(status(new MeetingStatus.StepProgress("TRANSCRIBE", 1, "Transcript stored"),
				new MeetingStatus.StepProgress("DIARIZE", 0, "Waiting for the diarization worker",
						"waiting for the diarization worker: no progress for 2 min")));

		assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly("jfk: diarize 50%",
				"jfk: waiting for the diarization worker: no progress for 2 min 30%");
	}

	private static MeetingStatus status(MeetingStatus.StepProgress... steps) {
		return new MeetingStatus(UUID.randomUUID(), "PROCESSING", null, null, null, List.of(steps));
	}

}
