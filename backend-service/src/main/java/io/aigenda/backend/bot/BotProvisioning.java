package io.aigenda.backend.bot;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.meeting.MeetingState;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.outbox.Outbox;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.StopRecording;
import io.aigenda.contracts.internal.BotStateReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recorder bots of meetings, as users and the meeting-controller see them. An invitation
 * reserves the meeting's recording (state {@code UPLOADING}) and asks the
 * meeting-controller for a bot through the outbox ({@code StartRecording}); calling it
 * back sends {@code StopRecording}; the controller reports every state change, and a
 * finished bot's chunks become the meeting's recording ({@link ChunkAssembly}).
 */
@Service
class BotProvisioning {

	private static final Logger log = LoggerFactory.getLogger(BotProvisioning.class);

	private final BotStore bots;

	private final ChunkAssembly chunks;

	private final Meetings meetings;

	private final MeetingRepository meetingRepository;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final BotProperties properties;

	private final MeetingUrls urls;

	BotProvisioning(BotStore bots, ChunkAssembly chunks, Meetings meetings, MeetingRepository meetingRepository,
			Outbox outbox, TransactionTemplate transactions, BotProperties properties) {
		this.bots = bots;
		this.chunks = chunks;
		this.meetings = meetings;
		this.meetingRepository = meetingRepository;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.urls = new MeetingUrls(properties);
	}

	BotView invite(UUID organisationId, UUID meetingId, BotDtos.Invite invite) {
		// whose meeting it is comes first: another organisation's meeting is unknown,
		// whatever the URL
		this.meetings.get(organisationId, meetingId);
		String platform = this.urls.validate(invite.url());
		Duration maxDuration = invite.maxDurationMinutes() != null ? Duration.ofMinutes(invite.maxDurationMinutes())
				: this.properties.defaultMaxDuration();
		if (maxDuration.compareTo(this.properties.maxDuration()) > 0) {
			throw ApiException.badRequest("validation-failed",
					"maxDurationMinutes must not exceed " + this.properties.maxDuration().toMinutes());
		}
		Instant now = Instant.now();
		Instant joinAt = invite.joinAt() != null && invite.joinAt().isAfter(now) ? invite.joinAt() : now;
		UUID botId = UUID.randomUUID();
		String url = invite.url().trim();
		this.transactions.executeWithoutResult(status -> {
			Meeting meeting = this.meetingRepository.lockById(meetingId)
				.filter(m -> m.getOrganisationId().equals(organisationId))
				.orElseThrow(() -> ApiException.notFound("Meeting"));
			if (meeting.getState() != MeetingState.CREATED) {
				throw ApiException.conflict("already-recording",
						"This meeting already has a recording, an upload or a bot in progress");
			}
			meeting.uploading();
			this.bots.insert(botId, meetingId, organisationId, url, platform, joinAt, maxDuration.toSeconds(), now);
			this.outbox.enqueue(Queues.START_RECORDING, new StartRecording(botId, meetingId, organisationId, url,
					platform, joinAt, maxDuration.toSeconds(), now));
		});
		log.info("Bot {} invited to meeting {} ({})", botId, meetingId, platform);
		return view(botId).orElseThrow();
	}

	/** The meeting's latest bot. */
	BotView current(UUID organisationId, UUID meetingId) {
		this.meetings.get(organisationId, meetingId);
		return this.bots.latestOf(meetingId).flatMap(this::view).orElseThrow(() -> ApiException.notFound("Bot"));
	}

	BotView stop(UUID organisationId, UUID meetingId) {
		BotView bot = current(organisationId, meetingId);
		if (!BotState.valueOf(bot.state()).terminal()) {
			this.transactions.executeWithoutResult(status -> {
				this.bots.stopRequested(bot.id(), Instant.now());
				this.outbox.enqueue(Queues.STOP_RECORDING,
						new StopRecording(bot.id(), meetingId, "called back by a user"));
			});
		}
		return view(bot.id()).orElseThrow();
	}

	/**
	 * Records the controller's report; a finished bot's chunks become the meeting's
	 * recording. A report on a finished bot changes nothing.
	 */
	BotView report(UUID botId, BotStateReport report) {
		BotState state = stateOf(report);
		BotStore.Row row = this.transactions.execute(status -> {
			BotStore.Row current = this.bots.lock(botId).orElseThrow(() -> ApiException.notFound("Bot"));
			if (current.state().terminal()) {
				return current;
			}
			long serverSeconds = Math.max(current.serverSeconds(),
					report.serverSeconds() != null ? report.serverSeconds() : 0);
			this.bots.state(botId, state, report.detail(), serverSeconds, Instant.now());
			return this.bots.lock(botId).orElseThrow();
		});
		if (row.state().terminal()) {
			this.chunks.assemble(row);
		}
		return view(botId).orElseThrow();
	}

	Optional<BotView> view(UUID botId) {
		return this.bots.view(botId);
	}

	private static BotState stateOf(BotStateReport report) {
		if (report.state() == null) {
			throw ApiException.badRequest("validation-failed", "state: must not be null");
		}
		if (report.serverSeconds() != null && report.serverSeconds() < 0) {
			throw ApiException.badRequest("validation-failed", "serverSeconds: must be greater than or equal to 0");
		}
		try {
			return BotState.valueOf(report.state().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("validation-failed", "Unknown bot state " + report.state());
		}
	}

}
