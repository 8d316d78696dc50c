package io.aigenda.backend.meeting;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.aigenda.backend.auth.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A meeting's state and step progress as server-sent events: one {@code meeting} event at
 * once and one whenever anything in the view changes, until the meeting is processed or
 * failed. Changes are read from the database, so any backend instance can serve any
 * client.
 */
@RestController
class MeetingEvents implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MeetingEvents.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final Duration LIMIT = Duration.ofHours(1);

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1,
			Thread.ofPlatform().daemon().name("meeting-events").factory());

	private final Meetings meetings;

	private final JsonMapper json;

	MeetingEvents(Meetings meetings, JsonMapper json) {
		this.meetings = meetings;
		this.json = json;
	}

	@GetMapping(path = "/api/v1/meetings/{meetingId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@AuthenticationPrincipal Account account, @PathVariable UUID meetingId) {
		UUID organisationId = account.organisationId();
		this.meetings.get(organisationId, meetingId); // 404 before the stream opens
		SseEmitter emitter = new SseEmitter(LIMIT.toMillis());
		AtomicReference<String> last = new AtomicReference<>();
		long[] quietSince = { System.nanoTime() };
		AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
		Runnable poll = () -> {
			try {
				MeetingView view = this.meetings.view(this.meetings.get(organisationId, meetingId));
				String body = this.json.writeValueAsString(view);
				if (!body.equals(last.getAndSet(body))) {
					emitter.send(SseEmitter.event().name("meeting").data(body, MediaType.APPLICATION_JSON));
					quietSince[0] = System.nanoTime();
				}
				else if (System.nanoTime() - quietSince[0] > HEARTBEAT.toNanos()) {
					emitter.send(SseEmitter.event().comment("still here"));
					quietSince[0] = System.nanoTime();
				}
				if (view.state() == MeetingState.PROCESSED || view.state() == MeetingState.FAILED) {
					stop(task);
					emitter.complete();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away
				stop(task);
			}
			catch (RuntimeException ex) {
				log.warn("Meeting {} events stopped: {}", meetingId, ex.getMessage());
				stop(task);
				emitter.completeWithError(ex);
			}
		};
		emitter.onCompletion(() -> stop(task));
		emitter.onTimeout(() -> stop(task));
		emitter.onError(ex -> stop(task));
		task.set(this.scheduler.scheduleWithFixedDelay(poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS));
		return emitter;
	}

	private static void stop(AtomicReference<ScheduledFuture<?>> task) {
		ScheduledFuture<?> future = task.get();
		if (future != null) {
			future.cancel(false);
		}
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
