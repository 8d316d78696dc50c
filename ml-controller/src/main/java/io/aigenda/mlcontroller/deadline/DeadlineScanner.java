package io.aigenda.mlcontroller.deadline;

import io.aigenda.mlcontroller.MlControllerProperties;
import io.aigenda.mlcontroller.pipeline.PipelineEngine;
import io.aigenda.mlcontroller.voiceprint.Enrolments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for lost steps (past their deadline) and for retries whose back-off is over,
 * every {@code scan-interval}. State lives in the store, so a restarted controller picks
 * up where the last one stopped, and several controllers may scan at once (transitions
 * are conditional).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DeadlineScanner implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

	private final PipelineEngine engine;

	private final MlControllerProperties properties;

	private final Enrolments enrolments;

	DeadlineScanner(PipelineEngine engine, Enrolments enrolments, MlControllerProperties properties) {
		this.engine = engine;
		this.enrolments = enrolments;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::scan, this.properties.scanInterval());
	}

	void scan() {
		try {
			this.engine.dispatchDueRetries();
			this.engine.redispatchOverdueSteps();
			this.enrolments.failOverdue();
		}
		catch (RuntimeException ex) {
			// The store may be briefly unreachable; the next scan finds the same steps
			// again.
			log.warn("Deadline scan failed: {}", ex.getMessage());
		}
	}

}
