package io.aigenda.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingContractsTest {

	@Test
	void botCommandsHaveStableTypeIdsThatResolveBack() {
		assertThat(MessageTypes.idOf(StartRecording.class)).isEqualTo("StartRecording.v1");
		assertThat(MessageTypes.idOf(StopRecording.class)).isEqualTo("StopRecording.v1");
		assertThat(MessageTypes.classOf("StartRecording.v1")).contains(StartRecording.class);
		assertThat(MessageTypes.classOf("StopRecording.v1")).contains(StopRecording.class);
	}

}
