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
 * someone's behalf (a bot's meeting, a webhook endpoint) must resolve only to public
 * addresses, so nobody can point it at loopback, link-local (cloud metadata) or private
 * networks. Addresses listed as explicitly allowed pass anyway; only tests and local
 * set-ups list any.
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
	 * Resolves the host and returns why it may not be reached, or {@code null} when every
	 * address it resolves to is public or explicitly allowed.
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

	/**
	 * Whether every address the host resolves to is one of the explicitly allowed ones.
	 */
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
			// 0/8 "this network", 100.64/10 carrier-grade NAT, 192.0.0/24 protocol
			// assignments,
			// 198.18/15 benchmarking, 240/4 reserved and broadcast
			return first != 0 && !(first == 100 && second >= 64 && second < 128)
					&& !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && !(first == 198 && (second & 0xfe) == 18)
					&& first < 240;
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local
			if ((b[0] & 0xfe) == 0xfc) {
				return false;
			}
			// Teredo (2001::/32) hides its IPv4 server and client; nobody hosts a meeting
			// there
			if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
				return false;
			}
			// addresses that carry an IPv4 address are judged by it: IPv4-mapped
			// (::ffff:a.b.c.d) and
			// IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4
			// (2002:AABB:CCDD::)
			byte[] embedded = embeddedIpv4(b);
			if (embedded != null) {
				try {
					return isPublic(InetAddress.getByAddress(embedded));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
		}
		return true;
	}

	private static byte[] embeddedIpv4(byte[] b) {
		if (b[0] == 0x20 && b[1] == 0x02) {
			return new byte[] { b[2], b[3], b[4], b[5] };
		}
		boolean zeroTo10 = true;
		for (int i = 0; i < 10; i++) {
			zeroTo10 &= b[i] == 0;
		}
		boolean mapped = zeroTo10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
		boolean compatible = zeroTo10 && b[10] == 0 && b[11] == 0;
		boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
		for (int i = 4; i < 12 && nat64; i++) {
			nat64 = b[i] == 0;
		}
		return mapped || compatible || nat64 ? new byte[] { b[12], b[13], b[14], b[15] } : null;
	}

	/**
	 * An address literal from configuration; names are refused, so nothing resolves at
	 * start-up.
	 */
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
