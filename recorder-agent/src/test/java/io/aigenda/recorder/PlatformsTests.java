package io.aigenda.recorder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformsTests {

	@Test
	void zoomInvitationsOpenTheBrowserClient() {
		assertThat(Platforms.joinUrl("zoom", "https://us02web.zoom.us/j/81234567890?pwd=abc"))
			.isEqualTo("https://us02web.zoom.us/wc/join/81234567890?pwd=abc");
		assertThat(Platforms.joinUrl("jitsi", "https://meet.jit.si/Weekly")).isEqualTo("https://meet.jit.si/Weekly");
	}

	@Test
	void theBotNameCannotBreakOutOfTheJoinScript() {
		String script = Platforms.TEST_PAGE.joinScript("x\"; alert(1); //</script>\n");
		assertThat(script).contains("const botName = \"x\\\"; alert(1); //\\u003c/script>\\u000a\";");
	}

	@Test
	void everyInvitablePlatformHasAnAdapter() {
		for (String platform : new String[] { "jitsi", "google-meet", "zoom", "test-page" }) {
			assertThat(Platforms.of(platform).joinScript("AiGenda")).contains("return 'joined'");
			assertThat(Platforms.of(platform).endedScript()).contains("'ended'");
		}
		assertThatThrownBy(() -> Platforms.of("webex")).isInstanceOf(IllegalArgumentException.class);
	}

}
