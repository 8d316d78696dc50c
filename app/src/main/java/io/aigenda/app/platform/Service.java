package io.aigenda.app.platform;

import java.util.List;

import io.aigenda.asr.AsrWorkerApplication;
import io.aigenda.backend.BackendServiceApplication;
import io.aigenda.diarization.DiarizationWorkerApplication;
import io.aigenda.llm.LlmWorkerApplication;
import io.aigenda.meetingcontroller.MeetingControllerApplication;
import io.aigenda.mlcontroller.MlControllerApplication;

/**
 * The services the platform starts, in start order, each as its own Spring context with
 * its own configuration file. Because every module shares this classpath, each service
 * excludes the auto-configurations it must not have and never sees the settings of the
 * others.
 */
public enum Service {

	BACKEND("backend", BackendServiceApplication.class, BackendServiceApplication.CONFIG_NAME, true, List.of(),
			List.of("aigenda.ml-controller")),

	// its own H2 store through JDBC, no JPA; the backend's database is not its business.
	// Web: the
	// backend asks it search questions over HTTP on the loopback address
	ML_CONTROLLER("ml-controller", MlControllerApplication.class, MlControllerApplication.CONFIG_NAME, true,
			Exclusions.JPA_AND_SECURITY, Exclusions.BACKEND_SETTINGS),

	ASR_WORKER("asr-worker", AsrWorkerApplication.class, AsrWorkerApplication.CONFIG_NAME, false,
			Exclusions.STORAGE_AND_SECURITY, Exclusions.BACKEND_SETTINGS),

	DIARIZATION_WORKER("diarization-worker", DiarizationWorkerApplication.class,
			DiarizationWorkerApplication.CONFIG_NAME, false, Exclusions.STORAGE_AND_SECURITY,
			Exclusions.BACKEND_SETTINGS),

	LLM_WORKER("llm-worker", LlmWorkerApplication.class, LlmWorkerApplication.CONFIG_NAME, false,
			Exclusions.STORAGE_AND_SECURITY, Exclusions.BACKEND_SETTINGS),

	// its own H2 store for bot state; web, on a loopback port, for the recorders'
	// heartbeats
	MEETING_CONTROLLER("meeting-controller", MeetingControllerApplication.class,
			MeetingControllerApplication.CONFIG_NAME, true, Exclusions.JPA_AND_SECURITY, Exclusions.BACKEND_SETTINGS);

	private final String displayName;

	private final Class<?> application;

	private final String configName;

	private final boolean web;

	private final List<String> excludedAutoConfigurations;

	private final List<String> hiddenSettings;

	Service(String displayName, Class<?> application, String configName, boolean web,
			List<String> excludedAutoConfigurations, List<String> hiddenSettings) {
		this.displayName = displayName;
		this.application = application;
		this.configName = configName;
		this.web = web;
		this.excludedAutoConfigurations = excludedAutoConfigurations;
		this.hiddenSettings = hiddenSettings;
	}

	String displayName() {
		return this.displayName;
	}

	Class<?> application() {
		return this.application;
	}

	String configName() {
		return this.configName;
	}

	boolean web() {
		return this.web;
	}

	List<String> excludedAutoConfigurations() {
		return this.excludedAutoConfigurations;
	}

	/** Property prefixes hidden from this service's environment. */
	List<String> hiddenSettings() {
		return this.hiddenSettings;
	}

	private static final class Exclusions {

		private static final List<String> SECURITY = List.of(
				"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

		private static final List<String> JPA = List.of(
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.metrics.HibernateMetricsAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

		private static final List<String> JDBC = List.of(
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration");

		/**
		 * The backend's API documentation: the other web services serve internal
		 * endpoints only, and in a container of their own have no SpringDoc at all.
		 */
		private static final List<String> API_DOCS = List.of("org.springdoc.webmvc.ui.SwaggerConfig",
				"org.springdoc.core.configuration.SpringDocConfiguration",
				"org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration",
				"org.springdoc.webmvc.core.configuration.MultipleOpenApiSupportConfiguration");

		static final List<String> JPA_AND_SECURITY = concat(concat(JPA, SECURITY), API_DOCS);

		static final List<String> STORAGE_AND_SECURITY = concat(concat(JDBC, JPA), SECURITY);

		/**
		 * Settings only the backend may see: its database and object store credentials.
		 */
		static final List<String> BACKEND_SETTINGS = List.of("spring.datasource", "spring.jpa", "spring.flyway",
				"aigenda.s3", "aigenda.database", "aigenda.backend");

		private static List<String> concat(List<String> first, List<String> second) {
			return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
		}

		private Exclusions() {
		}

	}

}
