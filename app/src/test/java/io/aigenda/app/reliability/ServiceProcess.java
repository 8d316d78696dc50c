package io.aigenda.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aigenda.app.platform.Platform;
import io.aigenda.app.platform.Service;

/**
 * One service of the suite's platform run as an operating-system process of its own, with
 * the connections and settings its in-JVM copy has, so that it can be killed as a crashed
 * container is: with SIGKILL, no shutdown hook, no goodbye to the broker.
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private ServiceProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	static ServiceProcess start(Platform platform, Service service, String name) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.add("--enable-native-access=ALL-UNNAMED");
		command.add("-cp");
		command.add(classPath());
		command.addAll(platform.processCommandLine(service));
		// the step's own log lines (taken, transcribed) help to read a failed run
		command.add("--logging.level.io.aigenda=INFO");
		Files.createDirectories(Report.DIR);
		Path log = Report.DIR.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// a test JVM that ends abruptly must not leave a worker consuming from the broker
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
		return new ServiceProcess(process, log);
	}

	/**
	 * Surefire runs tests through a manifest-only jar; the real class path is in this
	 * property.
	 */
	private static String classPath() {
		String path = System.getProperty("surefire.test.class.path");
		return (path != null && !path.isBlank()) ? path : System.getProperty("java.class.path");
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** SIGKILL: the process ends at once, holding whatever it held. */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Process " + pid() + " outlived SIGKILL");
		}
		return this.process.exitValue();
	}

	String log() throws IOException {
		return Files.isRegularFile(this.log) ? Files.readString(this.log) : "";
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
