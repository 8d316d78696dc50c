package io.aigenda.observability;

import java.time.Duration;
import java.util.Locale;

import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.ContractMessageConverter;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records step latency, real-time factor and failures from the events a worker publishes:
 * each worker already measures its step (processing seconds, audio seconds, engine) and
 * reports it in {@code TranscriptReady}, {@code DiarizationReady}, {@code MinutesWritten}
 * and {@code StepFailed}, so the meters are exactly the numbers the pipeline sees,
 * counted once per published event, in the worker that did the work.
 */
class StepEventMeters extends ContractMessageConverter {

	private final ObjectProvider<PipelineMeters> meters;

	StepEventMeters(ObjectProvider<PipelineMeters> meters) {
		this.meters = meters;
	}

	@Override
	public Message toMessage(Object object, MessageProperties properties) {
		Message message = super.toMessage(object, properties);
		PipelineMeters pipeline = meters.getIfAvailable();
		if (pipeline != null) {
			record(pipeline, object);
		}
		return message;
	}

	static void record(PipelineMeters meters, Object event) {
		switch (event) {
			case TranscriptReady ready -> meters.stepCompleted(step(StepKind.TRANSCRIBE), ready.engine(),
					seconds(ready.processingSeconds()), ready.audioSeconds());
			case DiarizationReady ready -> meters.stepCompleted(step(StepKind.DIARIZE), ready.engine(),
					seconds(ready.processingSeconds()), ready.audioSeconds());
			case MinutesWritten written -> meters.stepCompleted(step(StepKind.WRITE_MINUTES), written.engine(),
					seconds(written.processingSeconds()), 0);
			case StepFailed failed -> meters.stepFailed(step(failed.step()), failed.category());
			default -> {
			}
		}
	}

	private static String step(StepKind kind) {
		return (kind == null) ? "unknown" : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static Duration seconds(double seconds) {
		return Duration.ofNanos((long) (Math.max(0, seconds) * 1e9));
	}

}
