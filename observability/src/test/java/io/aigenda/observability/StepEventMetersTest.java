package io.aigenda.observability;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.MessageTypes;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.messaging.ContractMessageConverter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step meters from published events, and the meeting context of a handled message; no
 * I/O.
 */
class StepEventMetersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final PipelineMeters meters = new PipelineMeters(registry);

	@Test
	void transcriptReadyRecordsLatencyAndRealTimeFactorOfItsEngine() {
		StepEventMeters.record(meters,
				new TranscriptReady(UUID.randomUUID(), UUID.randomUUID(), 1, "k", Language.EN, 120, "vosk", 30, 200));
		assertThat(registry.get(PipelineMeters.STEP_DURATION)
			.tags("step", "transcribe", "model", "vosk", "outcome", "success")
			.timer()
			.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(30.0);
		assertThat(registry.get(PipelineMeters.STEP_RTF).tags("engine", "vosk").summary().mean()).isEqualTo(0.25);
		assertThat(registry.get(PipelineMeters.AUDIO_SECONDS).counter().count()).isEqualTo(120.0);
	}

	@Test
	void failuresAreCountedByTheirCategoryNeverByTheirText() {
		StepEventMeters.record(meters, new StepFailed(UUID.randomUUID(), UUID.randomUUID(), 1, StepKind.DIARIZE,
				"ffmpeg could not decode the download of meeting 42", true, FailureCategory.TRANSFER));
		StepEventMeters.record(meters, new StepFailed(UUID.randomUUID(), UUID.randomUUID(), 1, StepKind.DIARIZE,
				"Download of https://s3/x?sig=1 failed: HTTP 403", false, FailureCategory.AUDIO));
		assertThat(registry.get(PipelineMeters.STEP_FAILURES)
			.tags("step", "diarize", "reason", "transfer")
			.counter()
			.count()).isEqualTo(1.0);
		assertThat(
				registry.get(PipelineMeters.STEP_FAILURES).tags("step", "diarize", "reason", "audio").counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void aFailureFromASenderWithoutCategoriesCountsAsOther() {
		UUID meeting = UUID.randomUUID();
		String older = "{\"meetingId\":\"" + meeting + "\",\"stepId\":\"" + UUID.randomUUID()
				+ "\",\"attempt\":1,\"step\":\"TRANSCRIBE\",\"reason\":\"Step deadline passed\",\"retryable\":true}";
		MessageProperties properties = new MessageProperties();
		properties.setHeader(MessageTypes.HEADER, MessageTypes.idOf(StepFailed.class));
		Object event = new ContractMessageConverter()
			.fromMessage(new Message(older.getBytes(StandardCharsets.UTF_8), properties));

		StepEventMeters.record(meters, event);

		assertThat(((StepFailed) event).category()).isEqualTo(FailureCategory.OTHER);
		assertThat(registry.get(PipelineMeters.STEP_FAILURES)
			.tags("step", "transcribe", "reason", "other")
			.counter()
			.count()).isEqualTo(1.0);
	}

	@Test
	void aStepsFailureCountersStartAtZeroForEveryCategory() {
		meters.stepFailuresStartAtZero("diarize");

		assertThat(PipelineMeters.FAILURE_REASONS).containsExactly("timeout", "transfer", "audio", "language", "model",
				"other");
		assertThat(registry.find(PipelineMeters.STEP_FAILURES).tag("step", "diarize").counters())
			.hasSize(FailureCategory.values().length)
			.allSatisfy(counter -> assertThat(counter.count()).isZero());
	}

	@Test
	void handledMessageNamesItsMeetingAndStepInTheLogContext() throws Throwable {
		UUID meeting = UUID.randomUUID();
		UUID step = UUID.randomUUID();
		Message message = new Message(("{\"meetingId\":\"" + meeting + "\",\"stepId\":\"" + step + "\",\"attempt\":1}")
			.getBytes(StandardCharsets.UTF_8), new MessageProperties());
		AtomicReference<Map<String, String>> seen = new AtomicReference<>();
		new MeetingContextAdvice()
			.invoke(invocation(new Object[] { null, message }, () -> seen.set(MDC.getCopyOfContextMap())));
		assertThat(seen.get()).containsEntry(MeetingContext.MEETING_ID, meeting.toString())
			.containsEntry(MeetingContext.STEP_ID, step.toString());
		assertThat(MDC.get(MeetingContext.MEETING_ID)).as("removed afterwards").isNull();
	}

	private static MethodInvocation invocation(Object[] arguments, Runnable body) {
		return new MethodInvocation() {
			@Override
			public Method getMethod() {
				return null;
			}

			@Override
			public Object[] getArguments() {
				return arguments;
			}

			@Override
			public Object proceed() {
				body.run();
				return null;
			}

			@Override
			public Object getThis() {
				return null;
			}

			@Override
			public AccessibleObject getStaticPart() {
				return null;
			}
		};
	}

}
