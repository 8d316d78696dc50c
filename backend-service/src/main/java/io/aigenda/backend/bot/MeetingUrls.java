package io.aigenda.backend.bot;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.backend.network.PublicAddresses;
import io.aigenda.backend.network.PublicAddresses.HostResolver;
import io.aigenda.backend.problem.ApiException;

/**
 * Checks a meeting URL before a bot is sent to it: a configured platform's host, and
 * (outside a test set-up) only public addresses, so an invitation cannot point the
 * recorder at the internal network. The recorder's browser resolves the name again later;
 * the recorder runs on its own server or as a process without credentials, and the check
 * here is the gate that keeps private targets out of the bot's queue at all.
 */
final class MeetingUrls {

	private final Map<String, List<String>> platforms;

	private final boolean allowPrivateAddresses;

	private final PublicAddresses addresses;

	MeetingUrls(BotProperties properties) {
		this(properties.platforms(), properties.allowPrivateAddresses(), InetAddress::getAllByName);
	}

	MeetingUrls(Map<String, List<String>> platforms, boolean allowPrivateAddresses, HostResolver resolver) {
		this.platforms = platforms;
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.addresses = new PublicAddresses(resolver, List.of());
	}

	/**
	 * The platform the URL belongs to; throws a 400 problem when the URL is not
	 * acceptable.
	 */
	String validate(String url) {
		if (url == null || url.isBlank() || url.length() > 2048) {
			throw invalid("A meeting URL is required (at most 2048 characters)");
		}
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw invalid("The meeting URL is not a valid URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		boolean plainHttp = "http".equals(scheme);
		if (!"https".equals(scheme) && !(plainHttp && this.allowPrivateAddresses)) {
			throw invalid("The meeting URL must use https");
		}
		if (uri.getRawUserInfo() != null) {
			throw invalid("The meeting URL must not carry credentials");
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			throw invalid("The meeting URL has no host");
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		String platform = platformOf(host);
		if (platform == null) {
			throw invalid("Bots join only " + String.join(", ", this.platforms.keySet().stream().sorted().toList())
					+ " meetings; " + host + " is not one of their hosts");
		}
		if (!this.allowPrivateAddresses) {
			requirePublic(host);
		}
		return platform;
	}

	private String platformOf(String host) {
		for (var entry : this.platforms.entrySet()) {
			for (String allowed : entry.getValue()) {
				String a = allowed.toLowerCase(Locale.ROOT);
				if (host.equals(a) || host.endsWith("." + a)) {
					return entry.getKey();
				}
			}
		}
		return null;
	}

	private void requirePublic(String host) {
		String refusal = this.addresses.refusal(host);
		if (refusal != null) {
			throw invalid(refusal);
		}
	}

	private static ApiException invalid(String message) {
		return ApiException.badRequest("invalid-meeting-url", message);
	}

}
