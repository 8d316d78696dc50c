package io.aigenda.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

final class Processes {

	private Processes() {
	}

	/** Ends a process and everything it started: politely first, then by force. */
	static void stop(Process process) {
		if (process == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
	}

}
