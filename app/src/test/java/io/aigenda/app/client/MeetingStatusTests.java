package io.aigenda.app.client;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeetingStatusTests {

	private static MeetingStatus status(String state, MeetingStatus.StepProgress... steps) {
		return new MeetingStatus(UUID.randomUUID(), state, null, null, null, List.of(steps));
	}

	@Test
	void progressIsTheMeanOfTheThreeStepsAndNeverCompleteBeforeProcessed() {
		assertThat(status("UPLOADED").overallFraction()).isZero();
		assertThat(status("PROCESSING", new MeetingStatus.StepProgress("TRANSCRIBE", 0.5, ""),
				new MeetingStatus.StepProgress("DIARIZE", 1, ""))
			.overallFraction()).isCloseTo(0.5, within(1e-9));
		assertThat(status("PROCESSING", new MeetingStatus.StepProgress("TRANSCRIBE", 1, ""),
				new MeetingStatus.StepProgress("DIARIZE", 1, ""),
				new MeetingStatus.StepProgress("WRITE_MINUTES", 1, ""))
			.overallFraction()).isEqualTo(0.99);
		assertThat(status("PROCESSED").overallFraction()).isEqualTo(1);
	}

	@Test
	void finalStatesAreRecognised() {
		assertThat(status("PROCESSED").processed()).isTrue();
		assertThat(status("FAILED").failed()).isTrue();
		assertThat(status("PROCESSING").processed()).isFalse();
	}

	@Test
	void aFailureReasonIsToldWithoutTheStepCodeForPrograms() {
		MeetingStatus failed = new MeetingStatus(UUID.randomUUID(), "FAILED",
				"TRANSCRIBE: Transcription failed: No Vosk model for language 'ru'", null, null, List.of());

		assertThat(failed.failureReasonInWords()).isEqualTo("Transcription failed: No Vosk model for language 'ru'");
	}

}
