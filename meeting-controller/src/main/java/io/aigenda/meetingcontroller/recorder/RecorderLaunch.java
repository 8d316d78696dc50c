package io.aigenda.meetingcontroller.recorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a recorder needs to know: the call, and how to reach the backend and this
 * controller.
 *
 * @param token the bot's recorder token (one bot, short-lived); never logged, never
 * stored in clear
 */
public record RecorderLaunch(UUID botId, UUID meetingId, String url, String platform, String token, String backendUrl,
		String controllerUrl, long maxDurationSeconds) {

	/** The settings as environment variables, the recorder's only input. */
	public Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("AIGENDA_BOT_ID", this.botId.toString());
		env.put("AIGENDA_MEETING_ID", this.meetingId.toString());
		env.put("AIGENDA_MEETING_URL", this.url);
		env.put("AIGENDA_PLATFORM", this.platform);
		env.put("AIGENDA_RECORDER_TOKEN", this.token);
		env.put("AIGENDA_BACKEND_URL", this.backendUrl);
		env.put("AIGENDA_CONTROLLER_URL", this.controllerUrl);
		env.put("AIGENDA_MAX_DURATION_SECONDS", Long.toString(this.maxDurationSeconds));
		return env;
	}

	@Override
	public String toString() {
		return "RecorderLaunch[bot " + this.botId + ", " + this.platform + "]";
	}

}
