package io.aigenda.recorder;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder in Debian's Chromium with its own PulseAudio and ffmpeg, joining a meeting
 * page on this machine that plays
 * ../shared/eval-dev/diarization/pyannote_sample/sample.wav (30 s, two speakers).
 */
class RecorderAgentIntegrationTests {

	private static final Path SAMPLE = Path.of(System.getProperty("aigenda.shared", "../shared"),
			"eval-dev/diarization/pyannote_sample/sample.wav");

	@Test
	void joinsRecordsTheCallUploadsEveryChunkAndLeavesWhenTheMeetingEnds() throws Exception {
		try (TestMeeting meeting = new TestMeeting(SAMPLE)) {
			int status = new RecorderAgent(settings(meeting)).run();

			assertThat(status).isZero();
			assertThat(meeting.heartbeats).startsWith("joining").contains("recording").endsWith("ended");
			byte[] pcm = joined(meeting.chunks);
			double seconds = pcm.length / 32000.0;
			// the whole recording (30 s) was heard, plus a little before and after
			assertThat(seconds).isBetween(28.0, 45.0);
			// speech in the call is loud where the recording has speech (from 6.7 s) and
			// quiet before
			double before = AudioCapture.rms(slice(pcm, 0, 4));
			double during = AudioCapture.rms(slice(pcm, 8, 20));
			assertThat(during).isGreaterThan(300).isGreaterThan(before * 10);
		}
	}

	@Test
	void leavesASilentCallAfterTheSilenceLimit() throws Exception {
		try (TestMeeting meeting = new TestMeeting(SAMPLE)) {
			meeting.silent = true;
			long started = System.nanoTime();

			int status = new RecorderAgent(settings(meeting, "AIGENDA_SILENCE_SECONDS", "6")).run();

			assertThat(status).isZero();
			assertThat(meeting.heartbeats).endsWith("ended");
			assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
				.isLessThan(java.time.Duration.ofSeconds(25));
			assertThat(AudioCapture.rms(joined(meeting.chunks))).isLessThan(RecorderAgent.SILENCE_RMS);
		}
	}

	@Test
	void leavesWhenTheControllerCallsItBackAndKeepsWhatItRecorded() throws Exception {
		try (TestMeeting meeting = new TestMeeting(SAMPLE)) {
			Thread caller = Thread.ofVirtual().start(() -> {
				while (meeting.chunks.size() < 2) {
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				meeting.askToLeave = true;
			});

			int status = new RecorderAgent(settings(meeting)).run();
			caller.interrupt();

			assertThat(status).isZero();
			assertThat(meeting.heartbeats).endsWith("ended");
			double seconds = joined(meeting.chunks).length / 32000.0;
			assertThat(seconds).isBetween(9.0, 25.0);
		}
	}

	private static AgentSettings settings(TestMeeting meeting, String... extra) {
		Map<String, String> env = new java.util.HashMap<>(base(meeting));
		for (int i = 0; i < extra.length; i += 2) {
			env.put(extra[i], extra[i + 1]);
		}
		return AgentSettings.fromEnvironment(env);
	}

	private static Map<String, String> base(TestMeeting meeting) {
		return Map.of("AIGENDA_BOT_ID", UUID.randomUUID().toString(), "AIGENDA_MEETING_URL",
				meeting.url() + "/meeting/room", "AIGENDA_PLATFORM", "test-page", "AIGENDA_RECORDER_TOKEN",
				TestMeeting.TOKEN, "AIGENDA_BACKEND_URL", meeting.url(), "AIGENDA_CONTROLLER_URL", meeting.url(),
				"AIGENDA_CHUNK_SECONDS", "5", "AIGENDA_HEARTBEAT_MILLIS", "500", "AIGENDA_MAX_DURATION_SECONDS", "90");
	}

	private static byte[] joined(Map<Integer, byte[]> chunks) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new TreeMap<>(chunks).values().forEach(out::writeBytes);
		return out.toByteArray();
	}

	private static byte[] slice(byte[] pcm, double fromSeconds, double toSeconds) {
		int from = (int) (fromSeconds * 32000) & ~1;
		int to = Math.min(pcm.length, (int) (toSeconds * 32000) & ~1);
		byte[] out = new byte[Math.max(0, to - from)];
		System.arraycopy(pcm, from, out, 0, out.length);
		return out;
	}

}
