package io.aigenda.meetingcontroller.recorder;

import java.util.Map;

import io.aigenda.meetingcontroller.recorder.RecorderProperties.Provider;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecorderPropertiesTests {

	@Test
	void defaultsRunLocalBotsTwoPerOrganisation() {
		RecorderProperties properties = bind(Map.of());

		assertThat(properties.provider()).isEqualTo(Provider.LOCAL);
		assertThat(properties.maxBotsPerOrganisation()).isEqualTo(2);
	}

	@Test
	void openstackProviderAndLimitBindFromKebabCaseKeys() {
		RecorderProperties properties = bind(Map.of("aigenda.meeting-controller.provider", "openstack",
				"aigenda.meeting-controller.max-bots-per-organisation", "5"));

		assertThat(properties.provider()).isEqualTo(Provider.OPENSTACK);
		assertThat(properties.maxBotsPerOrganisation()).isEqualTo(5);
	}

	@Test
	void limitBelowOneIsRejectedWithTheKeyInTheMessage() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("aigenda.meeting-controller.max-bots-per-organisation", "0")))
			.havingRootCause()
			.withMessageContaining("max-bots-per-organisation must be at least 1");
	}

	@Test
	void unknownProviderIsRejected() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("aigenda.meeting-controller.provider", "kubernetes")));
	}

	private static RecorderProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("aigenda.meeting-controller",
				RecorderProperties.class);
	}

}
