package io.aigenda.messaging.step;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aigenda.contracts.FailureCategory;

/**
 * What a worker declares about its step, once: the name of the document it stores, how
 * the progress bar is shared between download, work and store and what each stage says,
 * and which of its exceptions end the step for good, with their category. Immutable; each
 * method returns a changed copy.
 *
 * <pre>
 * StepPlan.of("transcript")
 * 	.fetching("Downloading the recording", 0.05)
 * 	.working("Recognising speech")
 * 	.storing("Storing the transcript", 0.05)
 * 	.done("Transcript stored")
 * 	.permanent(AudioDecodingException.class, FailureCategory.AUDIO);
 * </pre>
 */
public final class StepPlan {

	/** Causes followed when looking for a declared exception; guards against cycles. */
	private static final int MAX_CAUSES = 16;

	private final String result;

	private final Stage fetching;

	private final String working;

	private final Stage storing;

	private final String done;

	private final List<Permanent> permanent;

	private StepPlan(String result, Stage fetching, String working, Stage storing, String done,
			List<Permanent> permanent) {
		if (fetching.share() < 0 || storing.share() < 0 || fetching.share() + storing.share() > 1) {
			throw new IllegalArgumentException("Download and store shares must be at least 0 and at most 1 together");
		}
		this.result = result;
		this.fetching = fetching;
		this.working = working;
		this.storing = storing;
		this.done = done;
		this.permanent = List.copyOf(permanent);
	}

	/**
	 * A plan for a step that stores a document called {@code result} ("transcript",
	 * "minutes"), with plain progress messages until others are given.
	 */
	public static StepPlan of(String result) {
		return new StepPlan(result, new Stage("Downloading", 0.05), "Working", new Stage("Storing the " + result, 0.05),
				"Done", List.of());
	}

	/** Said when the download starts; the download takes {@code share} of the bar. */
	public StepPlan fetching(String message, double share) {
		return new StepPlan(this.result, new Stage(message, share), this.working, this.storing, this.done,
				this.permanent);
	}

	/**
	 * Said when the work starts; the work takes what download and store leave of the bar.
	 */
	public StepPlan working(String message) {
		return new StepPlan(this.result, this.fetching, message, this.storing, this.done, this.permanent);
	}

	/** Said when the result is being stored; the store takes {@code share} of the bar. */
	public StepPlan storing(String message, double share) {
		return new StepPlan(this.result, this.fetching, this.working, new Stage(message, share), this.done,
				this.permanent);
	}

	/** Said at the end, just before the ready event. */
	public StepPlan done(String message) {
		return new StepPlan(this.result, this.fetching, this.working, this.storing, message, this.permanent);
	}

	/**
	 * Declares that an exception of this type (or one caused by it) fails the step for
	 * good: the same input would fail the same way again. Its message becomes the
	 * failure's reason, so it should be one line for users. The first declared type that
	 * matches wins.
	 */
	public StepPlan permanent(Class<? extends Throwable> type, FailureCategory category) {
		List<Permanent> more = new ArrayList<>(this.permanent);
		more.add(new Permanent(type, category));
		return new StepPlan(this.result, this.fetching, this.working, this.storing, this.done, more);
	}

	String result() {
		return this.result;
	}

	Stage fetchingStage() {
		return this.fetching;
	}

	Stage workingStage() {
		return new Stage(this.working, 1 - this.fetching.share() - this.storing.share());
	}

	String storingMessage() {
		return this.storing.message();
	}

	String doneMessage() {
		return this.done;
	}

	/** The declared permanent failure behind {@code failure}, if any. */
	Optional<Classified> classify(Throwable failure) {
		for (Permanent declared : this.permanent) {
			Throwable cause = failure;
			for (int depth = 0; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
				if (declared.type().isInstance(cause)) {
					return Optional.of(new Classified(cause, declared.category()));
				}
			}
		}
		return Optional.empty();
	}

	record Stage(String message, double share) {
	}

	record Permanent(Class<? extends Throwable> type, FailureCategory category) {
	}

	/** A failure as declared: the exception that matched and its category. */
	record Classified(Throwable exception, FailureCategory category) {
	}

}
