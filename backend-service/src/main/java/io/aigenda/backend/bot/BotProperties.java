package io.aigenda.backend.bot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Meeting bots as the backend sees them.
 *
 * @param platforms for each platform a bot can join, the hosts its meeting URLs may point
 * at (a host matches itself and its subdomains)
 * @param allowPrivateAddresses whether meeting URLs may resolve to loopback, link-local
 * or private addresses (and use plain http); only for tests and a local test meeting
 * page, never in production, because a bot would otherwise be a way into the internal
 * network (SSRF)
 * @param defaultMaxDuration how long a bot stays at most when the invitation does not say
 * @param maxDuration the longest stay an invitation may ask for
 * @param tokenGrace how long a recorder token outlives the bot's maximum duration
 * @param chunkUrlTtl validity of a presigned URL for one chunk
 */
@ConfigurationProperties("aigenda.backend.bots")
public record BotProperties(@DefaultValue Map<String, List<String>> platforms,
		@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("2h") Duration defaultMaxDuration,
		@DefaultValue("8h") Duration maxDuration, @DefaultValue("15m") Duration tokenGrace,
		@DefaultValue("10m") Duration chunkUrlTtl) {

	public BotProperties {
		platforms = platforms == null || platforms.isEmpty() ? DEFAULT_PLATFORMS : Map.copyOf(platforms);
	}

	static final Map<String, List<String>> DEFAULT_PLATFORMS = Map.of("jitsi", List.of("meet.jit.si", "8x8.vc"),
			"google-meet", List.of("meet.google.com"), "zoom", List.of("zoom.us", "zoom.com"));

}
