package io.aigenda.backend.bot;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aigenda.backend.problem.ApiException;

/**
 * Checks a meeting URL before a bot is sent to it: a configured platform's host, and (outside a
 * test set-up) only public addresses, so an invitation cannot point the recorder at the internal
 * network. The recorder's browser resolves the name again later; the recorder runs on its own
 * server or as a process without credentials, and the check here is the gate that keeps private
 * targets out of the bot's queue at all.
 */
final class MeetingUrls {

	private final Map<String, List<String>> platforms;

	private final boolean allowPrivateAddresses;

	private final HostResolver resolver;

	MeetingUrls(BotProperties properties) {
		this(properties.platforms(), properties.allowPrivateAddresses(), InetAddress::getAllByName);
	}

	MeetingUrls(Map<String, List<String>> platforms, boolean allowPrivateAddresses, HostResolver resolver) {
		this.platforms = platforms;
		this.allowPrivateAddresses = allowPrivateAddresses;
		this.resolver = resolver;
	}

	/** The platform the URL belongs to; throws a 400 problem when the URL is not acceptable. */
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
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw invalid("The meeting host " + host + " does not resolve");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				throw invalid("The meeting host " + host + " resolves to a private or local address");
			}
		}
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			// 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol assignments,
			// 198.18/15 benchmarking, 240/4 reserved and broadcast
			return first != 0 && !(first == 100 && second >= 64 && second < 128)
					&& !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && !(first == 198 && (second & 0xfe) == 18)
					&& first < 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local; IPv4-mapped addresses are judged by their IPv4 part
			if ((b[0] & 0xfe) == 0xfc) {
				return false;
			}
			boolean mapped = true;
			for (int i = 0; i < 10; i++) {
				mapped &= b[i] == 0;
			}
			if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
				try {
					return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

	private static ApiException invalid(String message) {
		return ApiException.badRequest("invalid-meeting-url", message);
	}

	@FunctionalInterface
	interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
