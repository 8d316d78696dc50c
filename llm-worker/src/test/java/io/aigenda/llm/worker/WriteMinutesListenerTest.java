package io.aigenda.llm.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesSchema;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.Word;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.llm.LlmWorkerApplication;
import io.aigenda.llm.minutes.MinutesJson;
import io.aigenda.messaging.Messages;
import io.aigenda.messaging.Topology;
import io.aigenda.messaging.step.PresignedStorage;
import io.aigenda.messaging.step.StepEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker on the real RabbitMQ, with a JDK HTTP server standing in for presigned S3
 * URLs.
 */
@SpringBootTest(classes = LlmWorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.config.name=" + LlmWorkerApplication.CONFIG_NAME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteMinutesListenerTest {

	private static final String NAMESPACE = "test-" + UUID.randomUUID();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	Messages messages;

	@Autowired
	Topology topology;

	@Autowired
	RabbitTemplate rabbit;

	private PresignedStorage storage;

	private StepEvents events;

	@DynamicPropertySource
	static void namespace(DynamicPropertyRegistry registry) {
		registry.add("aigenda.messaging.namespace", () -> NAMESPACE);
	}

	@BeforeAll
	void startStorage() {
		this.storage = PresignedStorage.start()
			.serve("/transcript.json", MinutesJson.writeTranscript(meeting()).getBytes(StandardCharsets.UTF_8))
			.serve("/broken.json", "{\"words\": [oops".getBytes(StandardCharsets.UTF_8));
		this.events = new StepEvents(this.rabbit, this.topology);
	}

	@AfterAll
	void stopStorage() {
		this.storage.close();
	}

	@Test
	void minutesAreWrittenStoredAndAnnounced() {
		WriteMinutes command = command("/transcript.json", "ok.json");
		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		MinutesWritten written = this.events.last(command.stepId(), MinutesWritten.class, WAIT);
		assertThat(written.resultKey()).isEqualTo(command.resultKey());
		assertThat(written.engine()).isEqualTo("extractive");
		assertThat(written.attempt()).isEqualTo(2);
		String json = new String(this.storage.stored("ok.json"), StandardCharsets.UTF_8);
		assertThat(MinutesSchema.validate(json)).isEmpty();
		Minutes minutes = MinutesJson.read(json);
		assertThat(minutes.summary()).isNotBlank();
		assertThat(minutes.actionItems()).extracting(Minutes.ActionItem::owner).contains("S2");
	}

	@Test
	void missingTranscriptIsARetryableStepFailure() {
		WriteMinutes command = command("/nothing-here.json", "missing.json");
		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);
		assertThat(failed.step()).isEqualTo(StepKind.WRITE_MINUTES);
		assertThat(failed.retryable()).isTrue();
		assertThat(failed.category()).isEqualTo(FailureCategory.TRANSFER);
		assertThat(failed.reason()).contains("404");
		assertThat(this.storage.hasStored("missing.json")).isFalse();
	}

	@Test
	void malformedTranscriptIsAFinalStepFailure() {
		WriteMinutes command = command("/broken.json", "broken.json");
		this.messages.sendCommand(Queues.WRITE_MINUTES, command);

		StepFailed failed = this.events.last(command.stepId(), StepFailed.class, WAIT);
		assertThat(failed.retryable()).isFalse();
		assertThat(failed.reason()).startsWith("The transcript is not valid JSON");
	}

	private WriteMinutes command(String transcriptPath, String result) {
		return new WriteMinutes(UUID.randomUUID(), UUID.randomUUID(), 2, Instant.now().plusSeconds(600), Language.EN,
				this.storage.url(transcriptPath), this.storage.uploadUrl(result),
				"orgs/o/meetings/m/artifacts/minutes.json");
	}

	private static MeetingTranscript meeting() {
		String[][] lines = { { "S1", "Welcome everyone, today we review the new remote control design." },
				{ "S2", "The prototype has rubber buttons and a curved case." },
				{ "S1", "We decided to keep the yellow colour for the case." },
				{ "S2", "I'll send the final drawings to the factory by Friday." },
				{ "S1", "Great, thanks, see you next week." } };
		List<Word> words = new ArrayList<>();
		List<SpeakerTurn> turns = new ArrayList<>();
		double time = 0;
		for (String[] line : lines) {
			double start = time;
			for (String token : line[1].split(" ")) {
				words.add(new Word(time, time + 0.3, token, 0.95, line[0]));
				time += 0.35;
			}
			turns.add(new SpeakerTurn(start, time, line[0]));
			time += 0.5;
		}
		return new MeetingTranscript(Language.EN, time, List.of("S1", "S2"), words, turns);
	}

}
