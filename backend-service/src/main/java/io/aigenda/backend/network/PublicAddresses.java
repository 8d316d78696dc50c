package io.aigenda.backend.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guard against server-side request forgery: a host the platform is asked to reach on
 * someone's behalf (a bot's meeting, a webhook endpoint) must resolve only to public addresses, so
 * nobody can point it at loopback, link-local (cloud metadata) or private networks. Addresses
 * listed as explicitly allowed pass anyway; only tests and local set-ups list any.
 */
public final class PublicAddresses {

	private final HostResolver resolver;

	private final Set<InetAddress> allowed;

	public PublicAddresses(List<String> allowedAddresses) {
		this(InetAddress::getAllByName, allowedAddresses);
	}

	public PublicAddresses(HostResolver resolver, List<String> allowedAddresses) {
		this.resolver = resolver;
		this.allowed = allowedAddresses.stream().map(PublicAddresses::literal).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Resolves the host and returns why it may not be reached, or {@code null} when every address
	 * it resolves to is public or explicitly allowed.
	 */
	public String refusal(String host) {
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			return "The host " + host + " does not resolve";
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address) && !this.allowed.contains(address)) {
				return "The host " + host + " resolves to a private or local address";
			}
		}
		return null;
	}

	/** Whether every address the host resolves to is one of the explicitly allowed ones. */
	public boolean explicitlyAllowed(String host) {
		try {
			InetAddress[] addresses = this.resolver.resolve(host);
			return addresses.length > 0 && this.allowed.containsAll(List.of(addresses));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	public static boolean isPublic(InetAddress address) {
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

	/** An address literal from configuration; names are refused, so nothing resolves at start-up. */
	private static InetAddress literal(String address) {
		String trimmed = address.strip();
		if (!trimmed.matches("[0-9a-fA-F:.]+")) {
			throw new IllegalArgumentException("Allowed addresses must be IP literals, not " + address);
		}
		try {
			return InetAddress.getByName(trimmed);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an IP address: " + address, ex);
		}
	}

	@FunctionalInterface
	public interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
