package io.aigenda.mlcontroller.voiceprint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VoiceprintPropertiesTest {

	private final VoiceprintProperties properties = new VoiceprintProperties(0.75, 20);

	@Test
	void confidenceIsOneHalfAtTheThresholdAndGrowsWithTheCosine() {
		assertThat(this.properties.confidence(0.75)).isCloseTo(0.5, within(1e-9));
		assertThat(this.properties.confidence(0.85)).isGreaterThan(0.85).isLessThan(1);
		assertThat(this.properties.confidence(0.6)).isLessThan(0.1).isGreaterThan(0);
		assertThat(this.properties.confidence(1.0)).isGreaterThan(this.properties.confidence(0.9));
	}

}
