package io.aigenda.audio;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpeechChunkerTest {

	@Test
	void groupsRegionsUpToTheLimitAndCutsOnlyInSilence() {
		List<SpeechRegion> regions = List.of(new SpeechRegion(0, 10), new SpeechRegion(12, 25),
				new SpeechRegion(26, 40), new SpeechRegion(41, 50));
		assertThat(SpeechChunker.chunk(regions, 30, 60)).containsExactly(new SpeechRegion(0, 25),
				new SpeechRegion(26, 50));
	}

	@Test
	void cutsARegionLongerThanTheLimit() {
		assertThat(SpeechChunker.chunk(List.of(new SpeechRegion(5, 75)), 30, 80))
			.containsExactly(new SpeechRegion(5, 35), new SpeechRegion(35, 65), new SpeechRegion(65, 75));
	}

	@Test
	void noSpeechGivesNoChunks() {
		assertThat(SpeechChunker.chunk(List.of(), 30, 10)).isEmpty();
	}

}
