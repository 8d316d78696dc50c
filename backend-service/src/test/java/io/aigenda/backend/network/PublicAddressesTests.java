package io.aigenda.backend.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicAddressesTests {

	private static final PublicAddresses.HostResolver RESOLVER = host -> switch (host) {
		case "hooks.example.com" -> new InetAddress[] { InetAddress.getByName("93.184.215.14") };
		case "split.example.com" ->
			new InetAddress[] { InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.8") };
		case "sink.test" -> new InetAddress[] { InetAddress.getByName("127.0.0.1") };
		default -> throw new UnknownHostException(host);
	};

	@Test
	void hostsResolvingToAnyPrivateAddressAreRefused() {
		PublicAddresses addresses = new PublicAddresses(RESOLVER, List.of());
		assertThat(addresses.refusal("hooks.example.com")).isNull();
		assertThat(addresses.refusal("split.example.com")).contains("private or local");
		assertThat(addresses.refusal("sink.test")).contains("private or local");
		assertThat(addresses.refusal("nowhere.test")).contains("does not resolve");
	}

	@Test
	void onlyTheExplicitlyAllowedAddressPasses() {
		PublicAddresses addresses = new PublicAddresses(RESOLVER, List.of("127.0.0.1"));
		assertThat(addresses.refusal("sink.test")).isNull();
		assertThat(addresses.explicitlyAllowed("sink.test")).isTrue();
		assertThat(addresses.explicitlyAllowed("hooks.example.com")).isFalse();
		assertThat(addresses.refusal("split.example.com")).contains("private or local");
	}

	@Test
	void allowedAddressesMustBeLiteralsSoNothingResolvesAtStartUp() {
		assertThatThrownBy(() -> new PublicAddresses(RESOLVER, List.of("localhost")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
