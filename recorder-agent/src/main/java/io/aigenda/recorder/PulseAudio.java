package io.aigenda.recorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PulseAudio server of the recorder's own (its own socket in a private folder) with a
 * null sink as the default output: the browser plays the call into it, and ffmpeg records
 * its monitor. Two recorders on one machine never hear each other.
 */
final class PulseAudio implements AutoCloseable {

	static final String SINK = "aigenda_call";

	private final Process process;

	private final Path dir;

	private PulseAudio(Process process, Path dir) {
		this.process = process;
		this.dir = dir;
	}

	static PulseAudio start(String binary, Path dir) throws IOException, InterruptedException {
		Path runtime = Files.createDirectories(dir.resolve("runtime"));
		Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
		Path socket = dir.resolve("pulse.sock");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(binary, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
						"-L", "module-native-protocol-unix socket=" + socket + " auth-anonymous=1", "-L",
						"module-null-sink sink_name=" + SINK + " rate=48000", "-L", "module-always-sink"))
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("pulseaudio.log").toFile());
		builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
		builder.environment().put("HOME", dir.toString());
		Process process = builder.start();
		PulseAudio pulse = new PulseAudio(process, dir);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!Files.exists(socket)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				pulse.close();
				throw new IOException("PulseAudio did not start; see " + dir.resolve("pulseaudio.log"));
			}
			Thread.sleep(50);
		}
		return pulse;
	}

	/** The value of {@code PULSE_SERVER} for the browser and ffmpeg. */
	String server() {
		return "unix:" + this.dir.resolve("pulse.sock");
	}

	/** The environment that routes a process's sound to (and from) this server. */
	void configure(ProcessBuilder builder) {
		builder.environment().put("PULSE_SERVER", server());
		builder.environment().put("PULSE_SINK", SINK);
		builder.environment().put("XDG_RUNTIME_DIR", this.dir.resolve("runtime").toString());
	}

	@Override
	public void close() {
		Processes.stop(this.process);
	}

}
