package io.aigenda.mlcontroller.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aigenda.contracts.internal.ArtifactUrlsRequest;
import io.aigenda.contracts.DiarizationReady;
import io.aigenda.contracts.Diarize;
import io.aigenda.contracts.FailureCategory;
import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingDeleted;
import io.aigenda.contracts.MeetingFailed;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.MinutesReady;
import io.aigenda.contracts.MinutesWritten;
import io.aigenda.contracts.ProcessMeeting;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StepFailed;
import io.aigenda.contracts.StepKind;
import io.aigenda.contracts.StepProgress;
import io.aigenda.contracts.Transcribe;
import io.aigenda.contracts.TranscriptReady;
import io.aigenda.contracts.Word;
import io.aigenda.contracts.WriteMinutes;
import io.aigenda.messaging.DeadLetterRecoverer;
import io.aigenda.messaging.Messages;
import io.aigenda.mlcontroller.ControllerEnvironment;
import io.aigenda.mlcontroller.ControllerUnderTest;
import io.aigenda.mlcontroller.FakeBackend;
import io.aigenda.mlcontroller.PyannoteSample;
import io.aigenda.mlcontroller.TestBroker;
import io.aigenda.mlcontroller.search.MeetingSearch;
import io.aigenda.observability.PipelineMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The controller against the real RabbitMQ, with its store on the machine's PostgreSQL;
 * the test plays the workers (commands off the real queues, events through
 * {@link Messages}) and the backend (a local HTTP server handing out URLs to itself).
 */
class PipelineFlowIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static ControllerEnvironment environment;

	private static FakeBackend backend;

	private static ControllerUnderTest controller;

	private static TestBroker broker;

	private static Messages messages;

	@BeforeAll
	static void start() {
		environment = new ControllerEnvironment(Map.of());
		controller = environment.controller();
		backend = environment.backend();
		broker = controller.broker();
		messages = controller.messages();
	}

	@AfterAll
	static void stop() {
		if (environment != null) {
			environment.close();
		}
	}

	@Test
	void happyPathPublishesOneMinutesReadyWithTheMeetingsKeys() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		assertThat(broker.get(transcribe.audioUrl())).isEqualTo(PyannoteSample.recording());
		assertThat(broker.get(diarize.audioUrl())).isEqualTo(PyannoteSample.recording());
		assertThat(transcribe.attempt()).isEqualTo(1);
		assertThat(transcribe.language()).isEqualTo(Language.EN);
		assertThat(transcribe.resultKey()).isEqualTo(FakeBackend.key(meeting, "transcript.asr.json"));
		assertThat(diarize.resultKey()).isEqualTo(FakeBackend.key(meeting, "diarization.json"));
		assertThat(diarize.minSpeakers()).isEqualTo(1);
		assertThat(diarize.maxSpeakers()).isEqualTo(4);
		assertThat(transcribe.deadline()).isAfter(Instant.now());
		messages.publishEvent(new StepProgress(meeting, transcribe.stepId(), StepKind.TRANSCRIBE, 0.5, "halfway"));
		answerTranscribe(transcribe);
		answerDiarize(diarize);

		WriteMinutes write = broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		MeetingTranscript joined = broker.getJson(write.transcriptUrl(), MeetingTranscript.class);
		assertThat(joined.speakers()).containsExactly("speaker90", "speaker91");
		assertThat(joined.words()).hasSameSizeAs(PyannoteSample.referenceWords());
		assertThat(joined.words()).extracting(Word::speaker).containsOnly("speaker90", "speaker91");
		assertThat(write.resultKey()).isEqualTo(FakeBackend.key(meeting, "minutes.json"));
		answerWriteMinutes(write);
		// A redelivered MinutesWritten must not announce the meeting twice.
		answerWriteMinutes(write);

		MinutesReady ready = broker.event(MinutesReady.class, meeting, WAIT);
		assertThat(ready.organisationId()).isEqualTo(FakeBackend.ORGANISATION);
		assertThat(ready.transcriptKey()).isEqualTo(FakeBackend.key(meeting, "transcript.json"));
		assertThat(ready.minutesKey()).isEqualTo(FakeBackend.key(meeting, "minutes.json"));
		assertThat(ready.language()).isEqualTo(Language.EN);
		assertThat(ready.audioSeconds()).isEqualTo(PyannoteSample.DURATION);
		assertThat(ready.speakerCount()).isEqualTo(2);
		assertThat(ready.stepSeconds()).containsOnlyKeys("transcribe", "diarize", "write-minutes")
			.containsEntry("transcribe", 3.5);
		assertThat(backend.object(ready.minutesKey())).isNotNull();
		broker.assertNone(Queues.BACKEND_EVENTS, MinutesReady.class, meeting, Duration.ofSeconds(2));
		await().atMost(WAIT).until(() -> "DONE".equals(pipelineState(meeting)));

		// the processed meeting is searchable in its organisation, and only there
		MeetingSearch search = controller.bean(MeetingSearch.class);
		String said = String.join(" ", joined.words().subList(0, 12).stream().map(Word::text).toList());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(search.search(FakeBackend.ORGANISATION, said, 50))
				.anySatisfy(p -> assertThat(p.meetingId()).isEqualTo(meeting)));
		assertThat(search.search(UUID.randomUUID(), said, 50)).isEmpty();
		assertThat(search.ask(FakeBackend.ORGANISATION, meeting, said, 1).citations()).singleElement()
			.satisfies(p -> assertThat(p.speakers()).isNotEmpty());
	}

	@Test
	void urlsLastUntilTheStepDeadlinePlusTheMargin() {
		UUID meeting = startMeeting();
		broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		// Deadlines in these tests: transcribe 2 s, diarize 60 s; plus the default 5 min
		// margin.
		assertThat(backend.requests(meeting)).contains(
				new ArtifactUrlsRequest(List.of("recording"), List.of("transcript.asr.json"), 302),
				new ArtifactUrlsRequest(List.of("recording"), List.of("diarization.json"), 360));
	}

	@Test
	void aStepsDeadlineGrowsWithTheRecordingsLength() {
		UUID meeting = UUID.randomUUID();
		backend.putObject(FakeBackend.key(meeting, "recording"), PyannoteSample.recording());
		Instant sent = Instant.now();

		messages.sendCommand(Queues.PROCESS_MEETING, new ProcessMeeting(meeting, FakeBackend.ORGANISATION, Language.EN,
				FakeBackend.key(meeting, "recording"), "sample.wav", 1, 4, sent, 1, 45.0));
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		// 60 s for any diarization in these tests, plus a second per second of the 45 s
		// recording
		assertThat(Duration.between(sent, diarize.deadline())).isBetween(Duration.ofSeconds(100),
				Duration.ofSeconds(110));
	}

	@Test
	void transcriptReadyDeliveredTwiceGivesExactlyOneWriteMinutes() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		answerTranscribe(transcribe);
		answerTranscribe(transcribe);
		answerDiarize(diarize);
		answerTranscribe(transcribe);
		answerDiarize(diarize);

		broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		broker.assertNone(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, Duration.ofSeconds(3));
		assertThat(controller.jdbc()
			.sql("SELECT COUNT(*) FROM steps WHERE meeting_id = :meeting AND kind = 'WRITE_MINUTES'")
			.param("meeting", meeting)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void poisonMessageWithGarbageBodyEndsInTheDeadLetterQueueWithTheReason() {
		Message poison = rawProcessMeeting("{not json at all", "ProcessMeeting.v1");

		controller.rabbitTemplate().send(controller.topology().commandsExchange(), Queues.PROCESS_MEETING, poison);

		Message dead = deadLetter(poison.getMessageProperties().getMessageId());
		assertThat(dead.getMessageProperties().getHeaders()).containsKey(DeadLetterRecoverer.HEADER_REASON);
		assertThat(dead.getMessageProperties().<String>getHeader(DeadLetterRecoverer.HEADER_REASON))
			.contains("Unexpected character");
		assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");
	}

	@Test
	void aNewerRunWhileTheLastOneStillRunsIsRetriedThenDeadLetteredNotDropped() {
		UUID meeting = startMeeting();
		broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		Message early = rawProcessMeeting(
				tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(processMeeting(meeting, 2)),
				"ProcessMeeting.v1");

		controller.rabbitTemplate().send(controller.topology().commandsExchange(), Queues.PROCESS_MEETING, early);

		Message dead = deadLetter(early.getMessageProperties().getMessageId());
		assertThat(dead.getMessageProperties().<String>getHeader(DeadLetterRecoverer.HEADER_REASON))
			.contains("Run 2 of meeting " + meeting + " arrived while run 1 is still RUNNING");
		assertThat(pipelineState(meeting)).isEqualTo("RUNNING");
		broker.assertNone(Queues.TRANSCRIBE, Transcribe.class, meeting, Duration.ofSeconds(1));
	}

	@Test
	void poisonMessageOfUnknownTypeEndsInTheDeadLetterQueueWithTheReason() {
		Message poison = rawProcessMeeting("{}", "DropDatabase.v1");

		controller.rabbitTemplate().send(controller.topology().commandsExchange(), Queues.PROCESS_MEETING, poison);

		Message dead = deadLetter(poison.getMessageProperties().getMessageId());
		assertThat(dead.getMessageProperties().<String>getHeader(DeadLetterRecoverer.HEADER_REASON))
			.contains("Unknown message type DropDatabase.v1");
	}

	@Test
	void eventsOfAStepThisControllerNeverDispatchedEndInTheDeadLetterQueueWithTheReason() {
		UUID stranger = UUID.randomUUID();
		UUID step = UUID.randomUUID();
		MeterRegistry registry = controller.bean(MeterRegistry.class);
		double before = unknownStepEvents(registry);

		// as a controller on the same queues would see another one's workers answering
		messages.publishEvent(new StepProgress(stranger, step, StepKind.DIARIZE, 0.6, "Finding speakers"));
		messages.publishEvent(new DiarizationReady(stranger, step, 1,
				"orgs/x/meetings/" + stranger + "/diarization.json", 2, 11.0, "mfcc", 1.5));
		messages.publishEvent(
				new StepFailed(stranger, step, 1, StepKind.DIARIZE, "worker gone", true, FailureCategory.OTHER));

		List<Message> dead = new java.util.ArrayList<>();
		long end = System.nanoTime() + WAIT.toNanos();
		while (dead.size() < 3 && System.nanoTime() < end) {
			Message message = broker.deadLetter(Queues.ML_EVENTS, Duration.ofMillis(500));
			if (message != null
					&& new String(message.getBody(), StandardCharsets.UTF_8).contains(stranger.toString())) {
				dead.add(message);
			}
		}
		assertThat(dead).hasSize(3)
			.allSatisfy((message) -> assertThat(
					message.getMessageProperties().<String>getHeader(DeadLetterRecoverer.HEADER_REASON))
				.contains("step " + step + " (DIARIZE) of meeting " + stranger)
				.contains("never dispatched"));
		assertThat(dead.stream().map((message) -> message.getMessageProperties().<String>getHeader("aigenda-type")))
			.containsExactlyInAnyOrder("StepProgress.v1", "DiarizationReady.v1", "StepFailed.v1");
		// dead-lettered at once, not after the retries a failure that may pass gets
		assertThat(unknownStepEvents(registry) - before).isEqualTo(3);
	}

	@Test
	void aLateAnswerOfAStepARetryReplacedIsDroppedAndCounted() {
		UUID meeting = startMeeting();
		Transcribe first = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		answerDiarize(broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT));
		messages.publishEvent(new StepFailed(meeting, first.stepId(), first.attempt(), StepKind.TRANSCRIBE,
				"No speech model", false, FailureCategory.MODEL));
		await().atMost(WAIT).until(() -> "FAILED".equals(pipelineState(meeting)));
		messages.sendCommand(Queues.PROCESS_MEETING, processMeeting(meeting, 2));
		Transcribe retried = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		assertThat(retried.stepId()).isNotEqualTo(first.stepId());
		MeterRegistry registry = controller.bean(MeterRegistry.class);
		double before = registry.counter(PipelineMeters.EVENTS_SUPERSEDED_STEP, "step", "transcribe").count();

		answerTranscribe(first);

		await().atMost(WAIT)
			.until(() -> registry.counter(PipelineMeters.EVENTS_SUPERSEDED_STEP, "step", "transcribe")
				.count() > before);
		assertThat(pipelineState(meeting)).isEqualTo("RUNNING");
	}

	private static double unknownStepEvents(MeterRegistry registry) {
		return registry.find(PipelineMeters.EVENTS_UNKNOWN_STEP).counters().stream().mapToDouble(Counter::count).sum();
	}

	@Test
	void stepNobodyAnswersIsDispatchedAgainWithAttempt2AfterItsDeadline() {
		UUID meeting = startMeeting();
		Transcribe first = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		Transcribe second = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);

		assertThat(second.attempt()).isEqualTo(2);
		assertThat(second.stepId()).isEqualTo(first.stepId());
		assertThat(second.deadline()).isAfter(first.deadline());
		assertThat(second.resultUploadUrl()).isNotEqualTo(first.resultUploadUrl());
		assertThat(Instant.now()).isAfterOrEqualTo(first.deadline());
		// The first attempt answers late: accepted once, and the pipeline goes on.
		answerTranscribe(first);
		answerTranscribe(second);
		answerDiarize(diarize);
		broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		broker.assertNone(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, Duration.ofSeconds(2));
	}

	@Test
	void stepNobodyAnswersFailsTheMeetingAfterMaxAttempts() {
		UUID meeting = startMeeting();

		MeetingFailed failed = broker.event(MeetingFailed.class, meeting, Duration.ofSeconds(30));

		assertThat(failed.step()).isEqualTo(StepKind.TRANSCRIBE);
		assertThat(failed.organisationId()).isEqualTo(FakeBackend.ORGANISATION);
		assertThat(failed.reason()).isEqualTo("Transcription got no answer in 3 attempts (deadline 2 s each)");
		// The event is published inside the transaction that fails the pipeline, just
		// before it commits.
		await().atMost(WAIT).until(() -> "FAILED".equals(pipelineState(meeting)));
		assertThat(stepStates(meeting)).containsOnly("FAILED");
	}

	@Test
	void retryableStepFailedIsDispatchedAgainAfterBackoff() {
		UUID meeting = startMeeting();
		Diarize first = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		messages.publishEvent(new StepFailed(meeting, first.stepId(), 1, StepKind.DIARIZE,
				"Download of the recording failed: HTTP 503", true, FailureCategory.TRANSFER));

		Diarize second = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		assertThat(second.attempt()).isEqualTo(2);
		assertThat(second.stepId()).isEqualTo(first.stepId());
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		answerTranscribe(transcribe);
		answerDiarize(second);
		broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
	}

	@Test
	void nonRetryableStepFailedFailsTheMeetingWithTheReason() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		messages.publishEvent(new StepFailed(meeting, transcribe.stepId(), 1, StepKind.TRANSCRIBE,
				"Audio could not be decoded: not a WAV file", false, FailureCategory.AUDIO));

		MeetingFailed failed = broker.event(MeetingFailed.class, meeting, WAIT);
		assertThat(failed.step()).isEqualTo(StepKind.TRANSCRIBE);
		assertThat(failed.reason()).isEqualTo("Transcription failed: Audio could not be decoded: not a WAV file");
		// Results arriving after the meeting failed change nothing.
		answerDiarize(diarize);
		answerTranscribe(transcribe);
		broker.assertNone(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, Duration.ofSeconds(2));
		broker.assertNone(Queues.BACKEND_EVENTS, MeetingFailed.class, meeting, Duration.ofSeconds(1));
		await().atMost(WAIT).until(() -> "FAILED".equals(pipelineState(meeting)));
	}

	@Test
	void retryOfAFailedMeetingDispatchesOnlyTheFailedStepOnceAndFinishes() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		answerDiarize(diarize);
		await().atMost(WAIT).until(() -> stepStates(meeting).contains("DONE"));
		messages.publishEvent(new StepFailed(meeting, transcribe.stepId(), 1, StepKind.TRANSCRIBE, "worker crashed",
				false, FailureCategory.OTHER));
		broker.event(MeetingFailed.class, meeting, WAIT);

		ProcessMeeting retry = processMeeting(meeting, 2);
		messages.sendCommand(Queues.PROCESS_MEETING, retry);
		// the same retry delivered again must not dispatch a second time
		messages.sendCommand(Queues.PROCESS_MEETING, retry);

		Transcribe again = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		assertThat(again.stepId()).isNotEqualTo(transcribe.stepId());
		assertThat(again.attempt()).isEqualTo(1);
		// answered at once, so that no deadline dispatches it again while the test looks
		// for duplicates
		answerTranscribe(again);
		broker.assertNone(Queues.TRANSCRIBE, Transcribe.class, meeting, Duration.ofSeconds(2));
		broker.assertNone(Queues.DIARIZE, Diarize.class, meeting, Duration.ofSeconds(1));
		// a late failure of the attempt given up on changes nothing
		messages.publishEvent(new StepFailed(meeting, transcribe.stepId(), 1, StepKind.TRANSCRIBE, "late", false,
				FailureCategory.OTHER));

		WriteMinutes write = broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		answerWriteMinutes(write);
		MinutesReady ready = broker.event(MinutesReady.class, meeting, WAIT);
		assertThat(ready.minutesKey()).isEqualTo(FakeBackend.key(meeting, "minutes.json"));
		await().atMost(WAIT).until(() -> "DONE".equals(pipelineState(meeting)));
		broker.assertNone(Queues.BACKEND_EVENTS, MeetingFailed.class, meeting, Duration.ofSeconds(1));
	}

	@Test
	void secondFailureAfterARetryFailsTheMeetingAgain() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		messages.publishEvent(new StepFailed(meeting, transcribe.stepId(), 1, StepKind.TRANSCRIBE, "first", false,
				FailureCategory.OTHER));
		broker.event(MeetingFailed.class, meeting, WAIT);

		messages.sendCommand(Queues.PROCESS_MEETING, processMeeting(meeting, 2));
		Transcribe again = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarizeAgain = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		assertThat(diarizeAgain.attempt()).isEqualTo(1);
		messages.publishEvent(new StepFailed(meeting, again.stepId(), again.attempt(), StepKind.TRANSCRIBE, "second",
				false, FailureCategory.OTHER));

		MeetingFailed failed = broker.event(MeetingFailed.class, meeting, WAIT);
		assertThat(failed.reason()).isEqualTo("Transcription failed: second");
		// the event is published, confirmed, inside the transaction that fails the
		// pipeline: it may arrive first
		await().atMost(WAIT).until(() -> "FAILED".equals(pipelineState(meeting)));
	}

	@Test
	void retryOfADonePipelineWritesTheMinutesAgain() {
		UUID meeting = startMeeting();
		answerTranscribe(broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT));
		answerDiarize(broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT));
		WriteMinutes first = broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		answerWriteMinutes(first);
		broker.event(MinutesReady.class, meeting, WAIT);

		// the backend refused those minutes and the user retried
		messages.sendCommand(Queues.PROCESS_MEETING, processMeeting(meeting, 2));
		WriteMinutes again = broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		assertThat(again.stepId()).isNotEqualTo(first.stepId());
		assertThat(again.attempt()).isEqualTo(1);
		broker.assertNone(Queues.TRANSCRIBE, Transcribe.class, meeting, Duration.ofSeconds(1));
		answerWriteMinutes(again);
		broker.event(MinutesReady.class, meeting, WAIT);
		// the event is published inside the transaction that ends the pipeline
		await().atMost(WAIT).until(() -> "DONE".equals(pipelineState(meeting)));
	}

	@Test
	void backendThatCannotSignUrlsIsRetriedUntilItCan() {
		backend.refuse(true);
		UUID meeting;
		try {
			meeting = startMeeting();
			// both steps refused, so neither can be dispatched as attempt 1 once signing
			// works again
			await().atMost(WAIT).until(() -> stepStates(meeting).equals(List.of("RETRY_WAIT", "RETRY_WAIT")));
		}
		finally {
			backend.refuse(false);
		}
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		assertThat(diarize.attempt()).isEqualTo(2);
	}

	@Test
	void aDeletedMeetingsPipelineStopsForGoodAndDropsLateResults() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);

		messages.publishEvent(new MeetingDeleted(meeting, FakeBackend.ORGANISATION, Instant.now()));
		await().atMost(WAIT).until(() -> "DELETED".equals(pipelineState(meeting)));
		// workers still busy with it answer late; a redelivered deletion and a late retry
		// change nothing
		answerTranscribe(transcribe);
		answerDiarize(diarize);
		messages.publishEvent(new MeetingDeleted(meeting, FakeBackend.ORGANISATION, Instant.now()));
		messages.sendCommand(Queues.PROCESS_MEETING, processMeeting(meeting, 2));

		broker.assertNone(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, Duration.ofSeconds(3));
		broker.assertNone(Queues.TRANSCRIBE, Transcribe.class, meeting, Duration.ofSeconds(1));
		broker.assertNone(Queues.BACKEND_EVENTS, MinutesReady.class, meeting, Duration.ofSeconds(1));
		assertThat(pipelineState(meeting)).isEqualTo("DELETED");
		assertThat(controller.jdbc()
			.sql("SELECT state FROM steps WHERE meeting_id = :meeting")
			.param("meeting", meeting)
			.query(String.class)
			.list()).containsOnly("FAILED");
	}

	@Test
	void aMeetingDeletedBeforeItsProcessMeetingArrivesNeverStarts() {
		UUID meeting = UUID.randomUUID();
		messages.publishEvent(new MeetingDeleted(meeting, FakeBackend.ORGANISATION, Instant.now()));
		await().atMost(WAIT)
			.until(() -> controller.jdbc()
				.sql("SELECT COUNT(*) FROM pipelines WHERE meeting_id = :meeting AND state = 'DELETED'")
				.param("meeting", meeting)
				.query(Long.class)
				.single() == 1);
		messages.sendCommand(Queues.PROCESS_MEETING, processMeeting(meeting, 1));
		broker.assertNone(Queues.TRANSCRIBE, Transcribe.class, meeting, Duration.ofSeconds(3));
	}

	@Test
	void aDeletedProcessedMeetingIsForgottenBySearch() {
		UUID meeting = startMeeting();
		Transcribe transcribe = broker.command(Queues.TRANSCRIBE, Transcribe.class, meeting, WAIT);
		Diarize diarize = broker.command(Queues.DIARIZE, Diarize.class, meeting, WAIT);
		answerTranscribe(transcribe);
		answerDiarize(diarize);
		WriteMinutes write = broker.command(Queues.WRITE_MINUTES, WriteMinutes.class, meeting, WAIT);
		MeetingTranscript joined = broker.getJson(write.transcriptUrl(), MeetingTranscript.class);
		answerWriteMinutes(write);
		broker.event(MinutesReady.class, meeting, WAIT);
		MeetingSearch search = controller.bean(MeetingSearch.class);
		String said = String.join(" ", joined.words().subList(0, 12).stream().map(Word::text).toList());
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(search.search(FakeBackend.ORGANISATION, said, 50))
				.anySatisfy(p -> assertThat(p.meetingId()).isEqualTo(meeting)));

		messages.publishEvent(new MeetingDeleted(meeting, FakeBackend.ORGANISATION, Instant.now()));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(search.search(FakeBackend.ORGANISATION, said, 50))
				.noneSatisfy(p -> assertThat(p.meetingId()).isEqualTo(meeting)));
		assertThat(pipelineState(meeting)).isEqualTo("DELETED");
		assertThat(controller.jdbc()
			.sql("SELECT COUNT(*) FROM speaker_embeddings WHERE meeting_id = :meeting")
			.param("meeting", meeting)
			.query(Long.class)
			.single()).isZero();
	}

	private static ProcessMeeting processMeeting(UUID meeting, int run) {
		return new ProcessMeeting(meeting, FakeBackend.ORGANISATION, Language.EN, FakeBackend.key(meeting, "recording"),
				"sample.wav", 1, 4, Instant.now(), run);
	}

	private static UUID startMeeting() {
		UUID meeting = UUID.randomUUID();
		backend.putObject(FakeBackend.key(meeting, "recording"), PyannoteSample.recording());
		messages.sendCommand(Queues.PROCESS_MEETING, new ProcessMeeting(meeting, FakeBackend.ORGANISATION, Language.EN,
				FakeBackend.key(meeting, "recording"), "sample.wav", 1, 4, Instant.now()));
		return meeting;
	}

	private static void answerTranscribe(Transcribe command) {
		broker.putJson(command.resultUploadUrl(), PyannoteSample.transcript());
		messages.publishEvent(new TranscriptReady(command.meetingId(), command.stepId(), command.attempt(),
				command.resultKey(), Language.EN, PyannoteSample.DURATION, "reference", 3.5,
				PyannoteSample.referenceWords().size()));
	}

	private static void answerDiarize(Diarize command) {
		broker.putJson(command.resultUploadUrl(), PyannoteSample.diarization());
		messages.publishEvent(new DiarizationReady(command.meetingId(), command.stepId(), command.attempt(),
				command.resultKey(), 2, PyannoteSample.DURATION, "reference", 2.5));
	}

	private static void answerWriteMinutes(WriteMinutes command) {
		Minutes minutes = new Minutes(Language.EN, "extractive", "Diane and Sheila greet each other.", List.of(),
				List.of(), List.of(), List.of());
		broker.putJson(command.resultUploadUrl(), minutes);
		messages.publishEvent(new MinutesWritten(command.meetingId(), command.stepId(), command.attempt(),
				command.resultKey(), "extractive", 0.5));
	}

	private static Message rawProcessMeeting(String body, String type) {
		MessageProperties properties = new MessageProperties();
		properties.setHeader("aigenda-type", type);
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(UUID.randomUUID().toString());
		return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
	}

	private static Message deadLetter(String messageId) {
		long end = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < end) {
			Message dead = broker.deadLetter(Queues.PROCESS_MEETING, Duration.ofMillis(500));
			if (dead != null && messageId.equals(dead.getMessageProperties().getMessageId())) {
				return dead;
			}
		}
		throw new AssertionError("Message " + messageId + " did not reach the dead-letter queue");
	}

	private static String pipelineState(UUID meeting) {
		return controller.jdbc()
			.sql("SELECT state FROM pipelines WHERE meeting_id = :meeting")
			.param("meeting", meeting)
			.query(String.class)
			.single();
	}

	private static List<String> stepStates(UUID meeting) {
		return controller.jdbc()
			.sql("SELECT state FROM steps WHERE meeting_id = :meeting")
			.param("meeting", meeting)
			.query(String.class)
			.list();
	}

}
