package io.aigenda.meetingcontroller.recorder;

import java.util.Set;

/**
 * Where recorders run. Each recorder is tagged as AiGenda's and with its bot, so that a
 * controller that lost track of one (a crash, a restart) finds and removes it.
 */
public interface RecorderProvider {

	/**
	 * Starts a recorder and returns its handle once it runs (for a server: ACTIVE).
	 * Throws {@link RecorderException} when it cannot, after cleaning up what it created.
	 */
	String start(RecorderLaunch launch);

	/** Whether the recorder behind the handle still exists. */
	boolean alive(String handle);

	/** Removes the recorder; removing one that is gone already is not an error. */
	void stop(String handle);

	/** Handles of every AiGenda recorder this provider can see, tracked or not. */
	Set<String> running();

}
