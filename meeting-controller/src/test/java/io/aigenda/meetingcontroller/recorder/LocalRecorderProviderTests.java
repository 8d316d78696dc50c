package io.aigenda.meetingcontroller.recorder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LocalRecorderProviderTests {

	// a recorder that starts two helpers of its own, as the real one starts a browser and
	// ffmpeg
	private final LocalRecorderProvider provider = new LocalRecorderProvider(
			new RecorderProperties.Local(List.of("sh", "-c", "sleep 300 & sleep 300 & wait", "recorder"), null));

	@Test
	void aRecorderKilledMidCallLeavesNoHelperBehindOnceStopped() {
		UUID bot = UUID.randomUUID();
		String handle = this.provider.start(new RecorderLaunch(bot, UUID.randomUUID(), "http://127.0.0.1:9/x",
				"test-page", "agr_x", "http://127.0.0.1:1", "http://127.0.0.1:2", 60));
		long pid = Long.parseLong(handle.substring(4));
		await().atMost(Duration.ofSeconds(5)).until(() -> LocalRecorderProvider.group(pid).size() == 3);
		assertThat(this.provider.running()).contains(handle);

		ProcessHandle.of(pid).orElseThrow().destroyForcibly();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.provider.alive(handle));
		// the helpers outlive their parent as orphans in its process group
		assertThat(LocalRecorderProvider.group(pid)).hasSize(2);

		this.provider.stop(handle);

		assertThat(LocalRecorderProvider.group(pid)).isEmpty();
		this.provider.stop(handle);
	}

}
