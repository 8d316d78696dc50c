package io.aigenda.recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A recorder bot: joins the call in headless Chromium, records what the call plays,
 * uploads it in chunks while the call runs, and leaves when the meeting ends, when nobody
 * has spoken for a while, at its maximum duration, or when the controller calls it back.
 * Every chunk is uploaded before the bot reports that it left, so the backend joins a
 * complete recording.
 */
public final class RecorderAgent {

	/** Below this loudness (of 32768) a chunk counts as silence. */
	static final double SILENCE_RMS = 50;

	private final AgentSettings settings;

	private final Api api;

	private final Set<Integer> uploaded = new HashSet<>();

	RecorderAgent(AgentSettings settings) {
		this.settings = settings;
		this.api = new Api(settings);
	}

	public static void main(String[] args) {
		AgentSettings settings;
		try {
			settings = AgentSettings.fromEnvironment(System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println("aigenda-recorder: " + ex.getMessage());
			System.exit(2);
			return;
		}
		int status = new RecorderAgent(settings).run();
		System.exit(status);
	}

	int run() {
		Path work;
		try {
			work = Files.createTempDirectory("aigenda-recorder-" + this.settings.botId());
		}
		catch (IOException ex) {
			Log.info("no working folder: %s", ex.getMessage());
			return 1;
		}
		Log.info("bot %s joins %s (%s)", this.settings.botId(), this.settings.meetingUrl(), this.settings.platform());
		String reason;
		try (PulseAudio pulse = PulseAudio.start(this.settings.pulseaudio(), work.resolve("pulse"));
				Browser browser = Browser.start(this.settings.chromium(), work.resolve("chromium/profile"), pulse)) {
			this.api.heartbeat("joining", null);
			Platforms.Adapter adapter = Platforms.of(this.settings.platform());
			browser.navigate(Platforms.joinUrl(this.settings.platform(), this.settings.meetingUrl()));
			if (!join(browser, adapter)) {
				this.api.heartbeat("failed", "could not join within " + this.settings.joinTimeout().toSeconds() + " s");
				return 1;
			}
			Log.info("in the call");
			try (AudioCapture capture = AudioCapture.start(this.settings.ffmpeg(), pulse, work.resolve("chunks"),
					(int) this.settings.chunkSeconds().toSeconds())) {
				reason = record(browser, adapter, capture);
				capture.close();
				uploadReady(capture, true);
			}
			Log.info("leaving: %s (%d chunks uploaded)", reason, this.uploaded.size());
			this.api.heartbeat("ended", reason);
			return 0;
		}
		catch (Exception ex) {
			Log.info("failed: %s", ex);
			try {
				this.api.heartbeat("failed", ex.getMessage());
			}
			catch (Exception ignored) {
				// the controller notices the missing heartbeats instead
			}
			return 1;
		}
		finally {
			delete(work);
		}
	}

	private boolean join(Browser browser, Platforms.Adapter adapter) throws InterruptedException {
		long deadline = System.nanoTime() + this.settings.joinTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if ("joined".equals(browser.evaluate(adapter.joinScript(this.settings.botName())))) {
					return true;
				}
			}
			catch (IllegalStateException ex) {
				// the page is navigating; try again
			}
			Thread.sleep(500);
		}
		return false;
	}

	/** Records until a reason to leave comes up, uploading chunks as they complete. */
	private String record(Browser browser, Platforms.Adapter adapter, AudioCapture capture) throws Exception {
		long started = System.nanoTime();
		long lastSound = System.nanoTime();
		while (true) {
			if (this.api.heartbeat("recording", null)) {
				return "called back by the controller";
			}
			for (double rms : uploadReady(capture, false)) {
				if (rms >= SILENCE_RMS) {
					lastSound = System.nanoTime();
				}
			}
			if (!browser.alive()) {
				throw new IOException("the browser exited");
			}
			if (!capture.running()) {
				throw new IOException("audio capture stopped");
			}
			String ended;
			try {
				ended = browser.evaluate(adapter.endedScript());
			}
			catch (IllegalStateException ex) {
				ended = "";
			}
			if ("ended".equals(ended)) {
				return "the meeting ended";
			}
			if (Duration.ofNanos(System.nanoTime() - lastSound).compareTo(this.settings.silence()) > 0) {
				return "no sound for " + this.settings.silence().toSeconds() + " s";
			}
			if (Duration.ofNanos(System.nanoTime() - started).compareTo(this.settings.maxDuration()) > 0) {
				return "maximum duration reached";
			}
			Thread.sleep(this.settings.heartbeatInterval().toMillis());
		}
	}

	/** Uploads complete chunks not uploaded yet; returns their loudness. */
	private List<Double> uploadReady(AudioCapture capture, boolean all) throws IOException, InterruptedException {
		List<Path> chunks = capture.chunks();
		List<Double> loudness = new java.util.ArrayList<>();
		int ready = all ? chunks.size() : chunks.size() - 1;
		for (int i = 0; i < ready; i++) {
			Path chunk = chunks.get(i);
			int sequence = AudioCapture.sequence(chunk);
			if (this.uploaded.contains(sequence) || Files.size(chunk) == 0) {
				continue;
			}
			this.api.upload(chunk, sequence);
			this.uploaded.add(sequence);
			loudness.add(AudioCapture.rms(Files.readAllBytes(chunk)));
		}
		return loudness;
	}

	private static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder; the system cleans it eventually
		}
	}

}
