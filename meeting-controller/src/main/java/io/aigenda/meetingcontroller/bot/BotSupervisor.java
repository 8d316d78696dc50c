package io.aigenda.meetingcontroller.bot;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.aigenda.meetingcontroller.recorder.RecorderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reconciles once the service is ready, then ticks the state machine at a fixed pace. On
 * shutdown it stops ticking; recorders keep running and the next start picks them up
 * again.
 */
@Component
class BotSupervisor implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BotSupervisor.class);

	private final Bots bots;

	private final RecorderProperties properties;

	private ScheduledExecutorService scheduler;

	BotSupervisor(Bots bots, RecorderProperties properties) {
		this.bots = bots;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		try {
			int removed = this.bots.reconcile();
			log.info("Reconciled recorders: {} orphan(s) removed", removed);
		}
		catch (RuntimeException ex) {
			log.warn("Reconcile failed; it runs again at the next start: {}", ex.getMessage());
		}
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bot-supervisor").factory());
		long period = this.properties.tick().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		try {
			this.bots.tick();
		}
		catch (RuntimeException ex) {
			log.warn("Bot tick failed: {}", ex.getMessage(), ex);
		}
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null && !this.scheduler.isShutdown();
	}

}
