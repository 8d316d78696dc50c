package io.aigenda.meetingcontroller.recorder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder as a child process on this machine, for one-machine set-ups and tests. The handle
 * is {@code pid:<n>}; the process carries {@code --aigenda-bot=<id>} on its command line, which is
 * how a restarted controller recognises recorders it no longer tracks.
 */
public class LocalRecorderProvider implements RecorderProvider {

	static final String MARKER = "--aigenda-bot=";

	private static final Logger log = LoggerFactory.getLogger(LocalRecorderProvider.class);

	private final List<String> command;

	private final Path logDir;

	public LocalRecorderProvider(RecorderProperties.Local settings) {
		this.command = List.copyOf(settings.command());
		this.logDir = Path.of(settings.logDir() != null && !settings.logDir().isBlank() ? settings.logDir()
				: System.getProperty("java.io.tmpdir") + File.separator + "aigenda-recorders");
	}

	@Override
	public String start(RecorderLaunch launch) {
		List<String> line = new ArrayList<>(this.command);
		line.add(MARKER + launch.botId());
		try {
			Files.createDirectories(this.logDir);
			ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(this.logDir.resolve(launch.botId() + ".log").toFile());
			builder.environment().putAll(launch.environment());
			Process process = builder.start();
			log.info("Recorder process {} started for bot {}", process.pid(), launch.botId());
			return "pid:" + process.pid();
		}
		catch (IOException ex) {
			throw new RecorderException("Could not start the recorder " + line.get(0) + ": " + ex.getMessage(), false,
					ex);
		}
	}

	@Override
	public boolean alive(String handle) {
		return process(handle).map(ProcessHandle::isAlive).orElse(false);
	}

	@Override
	public void stop(String handle) {
		Optional<ProcessHandle> process = process(handle);
		if (process.isEmpty()) {
			return;
		}
		// the recorder's browser and ffmpeg are its children; none may outlive it
		List<ProcessHandle> tree = new ArrayList<>(process.get().descendants().toList());
		tree.add(process.get());
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle p : tree) {
			try {
				p.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				p.destroyForcibly();
			}
		}
		log.info("Recorder process {} stopped", process.get().pid());
	}

	@Override
	public Set<String> running() {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().arguments().map(args -> {
				for (String arg : args) {
					if (arg.startsWith(MARKER)) {
						return true;
					}
				}
				return false;
			}).orElse(false))
			.map(p -> "pid:" + p.pid())
			.collect(Collectors.toSet());
	}

	private static Optional<ProcessHandle> process(String handle) {
		if (handle == null || !handle.startsWith("pid:")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(handle.substring(4))).filter(ProcessHandle::isAlive);
	}

}
