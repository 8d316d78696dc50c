package io.aigenda.backend.meeting;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.aigenda.observability.ObservabilityProperties;
import io.aigenda.observability.PipelineMeters;
import io.aigenda.observability.PipelineMeters.FinishedMeetings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings by state and meetings finished per organisation in the last day, counted in
 * the database (the one source of truth, whichever backend replica changed them) on a
 * schedule, never on the scrape path.
 */
@Component
class MeetingMeters implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MeetingMeters.class);

	private final JdbcClient jdbc;

	private final PipelineMeters meters;

	private final long intervalMillis;

	private final Map<MeetingState, AtomicLong> byState = new EnumMap<>(MeetingState.class);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "aigenda-meeting-meters");
		thread.setDaemon(true);
		return thread;
	});

	MeetingMeters(JdbcClient jdbc, PipelineMeters meters, ObservabilityProperties properties) {
		this.jdbc = jdbc;
		this.meters = meters;
		this.intervalMillis = properties.gaugeInterval().toMillis();
		for (MeetingState state : MeetingState.values()) {
			AtomicLong count = new AtomicLong();
			byState.put(state, count);
			meters.meetingsInState(state.name().toLowerCase(Locale.ROOT), count::get);
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		scheduler.scheduleWithFixedDelay(this::refresh, 0, intervalMillis, TimeUnit.MILLISECONDS);
	}

	void refresh() {
		try {
			Map<MeetingState, Long> counts = new EnumMap<>(MeetingState.class);
			jdbc.sql("select state, count(*) as n from meetings group by state")
				.query((row, i) -> counts.put(MeetingState.valueOf(row.getString("state")), row.getLong("n")))
				.list();
			byState.forEach((state, value) -> value.set(counts.getOrDefault(state, 0L)));
			List<FinishedMeetings> finished = jdbc.sql("""
					select o.name as organisation, m.state as state, count(*) as n
					from meetings m join organisations o on o.id = m.organisation_id
					where m.state in (?, ?)
					  and coalesce(m.processed_at, m.updated_at) >= now() - interval '1 day'
					group by o.name, m.state""")
				.params(MeetingState.PROCESSED.name(), MeetingState.FAILED.name())
				.query((row, i) -> new FinishedMeetings(row.getString("organisation"),
						row.getString("state").toLowerCase(Locale.ROOT), row.getLong("n")))
				.list();
			meters.meetingsFinishedLastDay(finished);
		}
		catch (RuntimeException ex) {
			log.debug("Could not count meetings: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		scheduler.shutdownNow();
	}

}
