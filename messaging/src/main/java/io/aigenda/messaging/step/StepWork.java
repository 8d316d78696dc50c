package io.aigenda.messaging.step;

/**
 * The part of a step only its worker knows: given the step's input (the recording as a
 * local file, or the input document) and a progress callback, the result to store and the
 * event that announces it. A failure the worker can name is an exception its
 * {@link StepPlan} declares permanent; anything else is retried by redelivery.
 *
 * @param <I> the input: a {@link java.nio.file.Path} for a recording, the document type
 * for a document
 */
@FunctionalInterface
public interface StepWork<I> {

	StepResult work(I input, WorkProgress progress);

}
