package io.aigenda.backend.meeting;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a step of a meeting in progress counts as stalled, and how that is said. */
class StalledStepTests {

	private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	@Test
	void aStepStillInItsWorkersQueueAfterTwoMinutesIsWaitingForTheWorker() {
		MeetingView.Progress progress = MeetingView.Progress.of("DIARIZE", 0, "Waiting for the diarization worker",
				true, NOW.minusSeconds(150), true, NOW);

		assertThat(progress.stalledMinutes()).isEqualTo(2);
		assertThat(progress.stalled()).isEqualTo("waiting for the diarization worker: no progress for 2 min");
	}

	@Test
	void aStepAWorkerStoppedReportingNamesWhereItStopped() {
		MeetingView.Progress progress = MeetingView.Progress.of("WRITE_MINUTES", 0.2, "Writing the minutes", false,
				NOW.minusSeconds(61), true, NOW);

		assertThat(progress.stalledMinutes()).isEqualTo(1);
		assertThat(progress.stalled()).isEqualTo("write minutes: no progress for 1 min (last: Writing the minutes)");
	}

	@Test
	void progressWithinTheLastMinuteIsNotAStall() {
		MeetingView.Progress progress = MeetingView.Progress.of("TRANSCRIBE", 0.4, "Recognising speech", false,
				NOW.minusSeconds(59), true, NOW);

		assertThat(progress.stalledMinutes()).isNull();
		assertThat(progress.stalled()).isNull();
	}

	@Test
	void finishedStepsAndMeetingsNoLongerProcessedNeverStall() {
		assertThat(
				MeetingView.Progress.of("TRANSCRIBE", 1, "Transcript stored", false, NOW.minusSeconds(3600), true, NOW)
					.stalled())
			.isNull();
		assertThat(
				MeetingView.Progress.of("DIARIZE", 0.2, "Finding speakers", false, NOW.minusSeconds(3600), false, NOW)
					.stalled())
			.isNull();
	}

}
