package io.aigenda.messaging.step;

/**
 * Progress of a step's work, from 0 to 1 of the work alone; the template places it
 * between the download's and the store's share of the step's progress bar.
 */
@FunctionalInterface
public interface WorkProgress {

	void report(double fraction, String message);

}
