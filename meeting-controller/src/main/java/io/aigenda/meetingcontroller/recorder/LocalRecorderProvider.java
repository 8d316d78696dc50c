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
 * The recorder as a child process on this machine, for one-machine set-ups and tests. The
 * handle is {@code pid:<n>}; the process carries {@code --aigenda-bot=<id>} on its
 * command line, which is how a restarted controller recognises recorders it no longer
 * tracks. It runs in a process group of its own ({@code setsid}), and stopping it ends
 * the whole group: a recorder killed mid-call leaves its browser, sound server and ffmpeg
 * behind as orphans, and those go too.
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
		List<String> line = new ArrayList<>();
		line.add("setsid");
		line.addAll(this.command);
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
			throw new RecorderException("Could not start the recorder " + this.command + ": " + ex.getMessage(), false,
					ex);
		}
	}

	@Override
	public boolean alive(String handle) {
		return process(handle).map(ProcessHandle::isAlive).orElse(false);
	}

	@Override
	public void stop(String handle) {
		if (handle == null || !handle.startsWith("pid:")) {
			return;
		}
		long group = Long.parseLong(handle.substring(4));
		List<ProcessHandle> members = group(group);
		// a recorder started without its own group (by an older controller, by hand)
		// still goes
		Optional<ProcessHandle> leader = ProcessHandle.of(group).filter(ProcessHandle::isAlive);
		leader.filter(p -> !members.contains(p)).ifPresent(members::add);
		if (members.isEmpty()) {
			return;
		}
		members.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (members.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
			sleep(100);
		}
		members.forEach(ProcessHandle::destroyForcibly);
		group(group).forEach(ProcessHandle::destroyForcibly);
		log.info("Recorder process group {} stopped ({} processes)", group, members.size());
	}

	/** Live processes in the process group (from /proc; the JDK does not show groups). */
	static List<ProcessHandle> group(long pgid) {
		List<ProcessHandle> members = new ArrayList<>();
		ProcessHandle.allProcesses().forEach(p -> {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
				// pid (comm) state ppid pgrp ...: comm may hold spaces, so count from the
				// last ')'
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				if (Long.parseLong(fields[2]) == pgid && p.isAlive()) {
					members.add(p);
				}
			}
			catch (IOException | RuntimeException ex) {
				// the process ended while we looked
			}
		});
		return members;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public Set<String> running() {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter(p -> arguments(p.pid()).stream().anyMatch(arg -> arg.startsWith(MARKER)))
			.map(p -> "pid:" + p.pid())
			.collect(Collectors.toSet());
	}

	/**
	 * A process's whole command line from /proc: the JDK's {@code ProcessHandle.Info}
	 * gives up on long ones, and a recorder started with a class path has a long one.
	 */
	static List<String> arguments(long pid) {
		try {
			String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
			return List.of(cmdline.split("\0"));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	private static Optional<ProcessHandle> process(String handle) {
		if (handle == null || !handle.startsWith("pid:")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(handle.substring(4))).filter(ProcessHandle::isAlive);
	}

}
