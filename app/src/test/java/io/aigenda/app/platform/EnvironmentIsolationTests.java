package io.aigenda.app.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentIsolationTests {

	private final EnvironmentIsolation isolation = new EnvironmentIsolation(
			List.of("spring.datasource", "aigenda.s3", "aigenda.backend"));

	@Test
	void environmentVariablesAndSystemPropertiesOfTheBackendAreHidden() {
		GenericApplicationContext context = new GenericApplicationContext();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("AIGENDA_S3_SECRET_KEY", "s3cret", "SPRING_DATASOURCE_URL", "jdbc:postgresql://db/x",
									"AIGENDA_S3X", "kept", "AIGENDA_MESSAGING_NAMESPACE", "ns", "PATH", "/bin")));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
							Map.of("aigenda.backend.service-token", "t", "aigenda.asr.engine", "vosk")));
		context.setEnvironment(environment);

		this.isolation.initialize(context);

		assertThat(environment.getProperty("AIGENDA_S3_SECRET_KEY")).isNull();
		assertThat(environment.getProperty("SPRING_DATASOURCE_URL")).isNull();
		assertThat(environment.getProperty("aigenda.backend.service-token")).isNull();
		assertThat(environment.getProperty("AIGENDA_S3X")).isEqualTo("kept");
		assertThat(environment.getProperty("AIGENDA_MESSAGING_NAMESPACE")).isEqualTo("ns");
		assertThat(environment.getProperty("PATH")).isEqualTo("/bin");
		assertThat(environment.getProperty("aigenda.asr.engine")).isEqualTo("vosk");
		// relaxed binding still works on what is left
		assertThat(environment.getPropertySources().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
			.isInstanceOf(SystemEnvironmentPropertySource.class);
		context.close();
	}

	@Test
	void prefixMatchesWholeSegmentsInBothSpellings() {
		assertThat(this.isolation.denied("aigenda.s3.access-key")).isTrue();
		assertThat(this.isolation.denied("AIGENDA_S3_ACCESS_KEY")).isTrue();
		assertThat(this.isolation.denied("aigenda.s3")).isTrue();
		assertThat(this.isolation.denied("aigenda.s3x.endpoint")).isFalse();
		assertThat(this.isolation.denied("aigenda.asr.engine")).isFalse();
	}

}
