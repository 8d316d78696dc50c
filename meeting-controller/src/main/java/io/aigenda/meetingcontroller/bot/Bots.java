package io.aigenda.meetingcontroller.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.StopRecording;
import io.aigenda.contracts.internal.BotStateReport;
import io.aigenda.contracts.internal.Heartbeat;
import io.aigenda.contracts.internal.HeartbeatAnswer;
import io.aigenda.contracts.internal.InternalApiClient;
import io.aigenda.contracts.internal.InternalApiException;
import io.aigenda.meetingcontroller.recorder.RecorderException;
import io.aigenda.meetingcontroller.recorder.RecorderLaunch;
import io.aigenda.meetingcontroller.recorder.RecorderProperties;
import io.aigenda.meetingcontroller.recorder.RecorderProvider;
import io.aigenda.observability.PipelineMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The bot state machine. Commands and heartbeats move bots; {@link #tick()} does the
 * rest: starts due bots within the organisation's limit, provisions recorders with
 * retries, ends bots whose recorder vanished, went silent or overstayed, tears finished
 * recorders down, and tells the backend every state (with the recorder's cost in
 * server-seconds) until it has heard it.
 */
@Service
class Bots implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Bots.class);

	private final BotStore store;

	private final RecorderProvider provider;

	private final InternalApiClient backend;

	private final RecorderProperties properties;

	private final MeterRegistry meters;

	private final PipelineMeters pipelineMeters;

	/**
	 * Recorders that exist right now, as of the last tick: the bot gauges read this,
	 * never the database.
	 */
	private volatile BotStore.Fleet fleet = BotStore.Fleet.NONE;

	private final ExecutorService provisioning = Executors.newVirtualThreadPerTaskExecutor();

	/** Bots being provisioned right now, so a tick never starts the same bot twice. */
	private final Set<UUID> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();

	Bots(BotStore store, RecorderProvider provider, InternalApiClient backend, RecorderProperties properties,
			MeterRegistry meters, PipelineMeters pipelineMeters) {
		this.store = store;
		this.provider = provider;
		this.backend = backend;
		this.properties = properties;
		this.meters = meters;
		this.pipelineMeters = pipelineMeters;
		pipelineMeters.bots(() -> this.fleet.recorders(), () -> this.fleet.oldestAge(Instant.now()),
				properties.maxRecorderAge());
		// the provider's server time starts at zero, so its cost panel has a series
		// before the first bot
		pipelineMeters.botServerTime(providerName(), Duration.ZERO);
	}

	void start(StartRecording command) {
		if (this.store.insert(command, Instant.now())) {
			log.info("Bot {} scheduled for meeting {} ({}, at {})", command.botId(), command.meetingId(),
					command.platform(), command.joinAt());
		}
	}

	void stop(StopRecording command) {
		Optional<Bot> bot = this.store.find(command.botId());
		if (bot.isEmpty() || bot.get().state().terminal()) {
			return;
		}
		Instant now = Instant.now();
		switch (bot.get().state()) {
			case SCHEDULED -> this.store.finish(command.botId(), BotState.DONE, "called back before joining", now);
			case JOINING, RECORDING -> this.store.leave(command.botId(), "called back: " + command.reason(), now);
			// provisioning finishes first; the recorder is then told to leave at its
			// first heartbeat
			case PROVISIONING -> this.store.stopRequested(command.botId(), "called back: " + command.reason(), now);
			default -> {
			}
		}
	}

	/** A recorder's heartbeat; returns whether it should leave the call. */
	Optional<HeartbeatAnswer> heartbeat(String token, Heartbeat heartbeat) {
		Optional<Bot> found = this.store.findByToken(sha256(token));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Bot bot = found.get();
		Instant now = Instant.now();
		this.store.heartbeat(bot.id(), now);
		String phase = heartbeat.phase() == null ? "" : heartbeat.phase();
		switch (phase) {
			case "recording" -> this.store.move(bot.id(), BotState.JOINING, BotState.RECORDING, null, now);
			case "ended" ->
				this.store.leave(bot.id(), heartbeat.detail() != null ? heartbeat.detail() : "meeting ended", now);
			case "failed" -> end(bot, BotState.FAILED,
					"recorder failed: " + (heartbeat.detail() != null ? heartbeat.detail() : "no reason given"));
			default -> {
			}
		}
		BotState state = this.store.find(bot.id()).map(Bot::state).orElse(BotState.FAILED);
		return Optional.of(new HeartbeatAnswer(state.name(), state == BotState.LEAVING || state.terminal()));
	}

	/** One pass over every bot that needs something; runs on the scheduler's thread. */
	void tick() {
		Instant now = Instant.now();
		for (Bot bot : this.store.inStates("SCHEDULED")) {
			if (bot.joinAt().isAfter(now) || (bot.nextAttemptAt() != null && bot.nextAttemptAt().isAfter(now))
					|| this.inFlight.contains(bot.id())) {
				continue;
			}
			if (this.store.activeCount(bot.organisationId()) >= this.properties.maxBotsPerOrganisation()) {
				String waiting = "waiting: the organisation has " + this.properties.maxBotsPerOrganisation()
						+ " bots in calls";
				if (!waiting.equals(bot.detail())) {
					this.store.detail(bot.id(), waiting, now);
				}
				continue;
			}
			if (this.store.move(bot.id(), BotState.SCHEDULED, BotState.PROVISIONING, null, now)) {
				this.inFlight.add(bot.id());
				this.provisioning.submit(() -> provision(bot));
			}
		}
		for (Bot bot : this.store.inStates("JOINING", "RECORDING")) {
			watch(bot, now);
		}
		for (Bot bot : this.store.inStates("LEAVING")) {
			if (!safeAlive(bot)) {
				end(bot, BotState.DONE, bot.detail());
			}
			else if (bot.leaveRequestedAt() != null
					&& bot.leaveRequestedAt().plus(this.properties.leaveGrace()).isBefore(now)) {
				end(bot, BotState.DONE,
						bot.detail() + " (recorder removed after " + this.properties.leaveGrace() + ")");
			}
		}
		for (Bot bot : this.store.needingAttention()) {
			if (bot.state().terminal() && bot.handle() != null && bot.releasedAt() == null) {
				release(bot);
			}
			report(this.store.find(bot.id()).orElse(bot));
		}
		this.fleet = this.store.fleet();
	}

	private void watch(Bot bot, Instant now) {
		if (!safeAlive(bot)) {
			end(bot, BotState.FAILED, "the recorder exited without leaving the call");
		}
		else if (bot.lastHeartbeatAt() != null
				&& bot.lastHeartbeatAt().plus(this.properties.heartbeatTimeout()).isBefore(now)) {
			end(bot, BotState.FAILED, "no heartbeat for " + this.properties.heartbeatTimeout().toSeconds() + " s");
		}
		else if (bot.provisionedAt() != null
				&& bot.provisionedAt().plusSeconds(bot.maxDurationSeconds()).isBefore(now)) {
			this.store.leave(bot.id(), "maximum duration reached", now);
		}
	}

	private void provision(Bot bot) {
		// the backend hears PROVISIONING before the recorder exists: a local recorder
		// joins within milliseconds, and the next tick would report only where it got to
		this.store.find(bot.id()).ifPresent(this::report);
		try {
			String token = this.backend.recorderToken(bot.id()).token();
			this.store.provisioning(bot.id(), sha256(token), Instant.now());
			Instant provisionedAt = Instant.now();
			String handle = this.provider.start(new RecorderLaunch(bot.id(), bot.meetingId(), bot.url(), bot.platform(),
					token, this.properties.backendUrl(), this.properties.publicUrl(), bot.maxDurationSeconds()));
			if (!this.store.started(bot.id(), handle, provisionedAt, Instant.now())) {
				// ended while provisioning (called back, or the controller stopped it):
				// remove at once
				this.provider.stop(handle);
			}
			this.meters.counter("aigenda.bots.provisioned").increment();
		}
		catch (RecorderException | InternalApiException ex) {
			boolean retryable = (ex instanceof RecorderException r) ? r.retryable()
					: ((InternalApiException) ex).retryable();
			int attempt = bot.attempts() + 1;
			if (retryable && attempt < this.properties.provisionAttempts()) {
				Duration wait = this.properties.retryBackoff().multipliedBy(1L << (attempt - 1));
				log.warn("Bot {}: attempt {} failed, again in {}: {}", bot.id(), attempt, wait, ex.getMessage());
				this.store.retryLater(bot.id(), "attempt " + attempt + " failed: " + ex.getMessage(),
						Instant.now().plus(wait), Instant.now());
			}
			else {
				log.warn("Bot {}: giving up after {} attempts: {}", bot.id(), attempt, ex.getMessage());
				this.store.finish(bot.id(), BotState.FAILED, "could not provision a recorder: " + ex.getMessage(),
						Instant.now());
			}
		}
		catch (RuntimeException ex) {
			log.error("Bot {}: provisioning failed", bot.id(), ex);
			this.store.finish(bot.id(), BotState.FAILED, "could not provision a recorder: " + ex, Instant.now());
		}
		finally {
			this.inFlight.remove(bot.id());
		}
	}

	private void end(Bot bot, BotState state, String detail) {
		if (this.store.finish(bot.id(), state, detail, Instant.now())) {
			log.info("Bot {} {}: {}", bot.id(), state.name().toLowerCase(), detail);
			this.meters.counter("aigenda.bots.finished", "state", state.name().toLowerCase()).increment();
		}
		this.store.find(bot.id()).ifPresent(this::release);
	}

	private void release(Bot bot) {
		if (bot.handle() == null || bot.releasedAt() != null) {
			return;
		}
		try {
			this.provider.stop(bot.handle());
			// counted once, by whoever marked it released: its cost is final from now on
			if (this.store.released(bot.id(), Instant.now())) {
				long seconds = this.store.find(bot.id()).map(b -> b.serverSeconds(Instant.now())).orElse(0L);
				this.pipelineMeters.botServerTime(providerName(), Duration.ofSeconds(seconds));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Bot {}: removing recorder {} failed, retrying: {}", bot.id(), bot.handle(), ex.getMessage());
		}
	}

	private String providerName() {
		return this.properties.provider().name().toLowerCase(java.util.Locale.ROOT);
	}

	private void report(Bot bot) {
		if (bot.state().name().equals(bot.reportedState())) {
			return;
		}
		try {
			this.backend.reportBotState(bot.id(),
					new BotStateReport(bot.state().name(), bot.detail(), bot.serverSeconds(Instant.now())));
			this.store.reported(bot.id(), bot.state());
		}
		catch (InternalApiException ex) {
			log.warn("Bot {}: the backend did not take the {} report yet: {}", bot.id(), bot.state(), ex.getMessage());
		}
	}

	private boolean safeAlive(Bot bot) {
		try {
			return bot.handle() != null && this.provider.alive(bot.handle());
		}
		catch (RuntimeException ex) {
			// the provider's API being down is no proof that the recorder is gone
			log.warn("Bot {}: could not check recorder {}: {}", bot.id(), bot.handle(), ex.getMessage());
			return true;
		}
	}

	/**
	 * After a restart: provisioning that was cut off starts again, and recorders that no
	 * bot answers for (tagged as AiGenda's, but unknown or finished here) are removed.
	 */
	int reconcile() {
		this.store.resetInterruptedProvisioning(Instant.now());
		Set<String> orphans = new HashSet<>(this.provider.running());
		orphans.removeAll(this.store.trackedHandles());
		for (String handle : orphans) {
			try {
				this.provider.stop(handle);
				log.info("Removed orphaned recorder {}", handle);
			}
			catch (RuntimeException ex) {
				log.warn("Could not remove orphaned recorder {}: {}", handle, ex.getMessage());
			}
		}
		return orphans.size();
	}

	@Override
	public void destroy() {
		this.provisioning.shutdownNow();
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
