package io.aigenda.recorder;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The recorder's settings, all from the environment (the controller sets them; on a
 * server, cloud-init writes them to a root-only file).
 *
 * @param chunkSeconds length of each uploaded chunk
 * @param silence the bot leaves after this long without sound
 * @param chromium the browser binary (Debian's {@code chromium})
 * @param botName the name the bot joins with
 */
record AgentSettings(UUID botId, String meetingUrl, String platform, String token, String backendUrl,
		String controllerUrl, Duration maxDuration, Duration chunkSeconds, Duration silence, String chromium,
		String ffmpeg, String pulseaudio, String botName, Duration heartbeatInterval, Duration joinTimeout) {

	static AgentSettings fromEnvironment(Map<String, String> env) {
		return new AgentSettings(UUID.fromString(required(env, "AIGENDA_BOT_ID")), required(env, "AIGENDA_MEETING_URL"),
				env.getOrDefault("AIGENDA_PLATFORM", "jitsi"), required(env, "AIGENDA_RECORDER_TOKEN"),
				trim(required(env, "AIGENDA_BACKEND_URL")), trim(required(env, "AIGENDA_CONTROLLER_URL")),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("AIGENDA_MAX_DURATION_SECONDS", "7200"))),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("AIGENDA_CHUNK_SECONDS", "10"))),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("AIGENDA_SILENCE_SECONDS", "600"))),
				env.getOrDefault("AIGENDA_CHROMIUM", "chromium"), env.getOrDefault("AIGENDA_FFMPEG", "ffmpeg"),
				env.getOrDefault("AIGENDA_PULSEAUDIO", "pulseaudio"),
				env.getOrDefault("AIGENDA_BOT_NAME", "AiGenda recorder"),
				Duration.ofMillis(Long.parseLong(env.getOrDefault("AIGENDA_HEARTBEAT_MILLIS", "2000"))),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("AIGENDA_JOIN_TIMEOUT_SECONDS", "120"))));
	}

	private static String required(Map<String, String> env, String name) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is not set");
		}
		return value;
	}

	private static String trim(String url) {
		return url.replaceAll("/+$", "");
	}

	@Override
	public String toString() {
		return "AgentSettings[bot " + this.botId + ", " + this.platform + "]";
	}

}
