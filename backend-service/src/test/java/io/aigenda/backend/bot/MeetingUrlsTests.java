package io.aigenda.backend.bot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import io.aigenda.backend.network.PublicAddresses;
import io.aigenda.backend.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingUrlsTests {

	// a resolver answering from a fixed table, so the test does not depend on this
	// machine's DNS
	private final MeetingUrls urls = new MeetingUrls(BotProperties.DEFAULT_PLATFORMS, false, host -> switch (host) {
		case "meet.jit.si" -> addresses("144.76.12.1");
		case "meet.google.com" -> addresses("142.250.74.46");
		case "evil.meet.jit.si" -> addresses("10.0.0.5");
		case "mapped.zoom.us" -> addresses("::ffff:127.0.0.1");
		case "ula.zoom.us" -> addresses("fd00::1");
		default -> throw new UnknownHostException(host);
	});

	@Test
	void platformHostsOverHttpsAreAccepted() {
		assertThat(this.urls.validate("https://meet.jit.si/AiGendaWeekly")).isEqualTo("jitsi");
		assertThat(this.urls.validate("https://meet.google.com/abc-defg-hij")).isEqualTo("google-meet");
	}

	@Test
	void otherHostsSchemesAndCredentialsAreRefused() {
		refused("https://example.com/meet.jit.si");
		refused("https://meet.jit.si.example.com/room");
		refused("http://meet.jit.si/room");
		refused("file:///etc/passwd");
		refused("https://user:pass@meet.jit.si/room");
		refused("https://127.0.0.1/room");
		refused("not a url");
	}

	@Test
	void platformNamesResolvingToPrivateOrLoopbackAddressesAreRefused() {
		refused("https://evil.meet.jit.si/room");
		refused("https://mapped.zoom.us/j/1");
		refused("https://ula.zoom.us/j/1");
		refused("https://unknown.zoom.us/j/1");
	}

	@Test
	void addressClassesThatLeadInsideAreNotPublic() throws Exception {
		for (String inside : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::1", "224.0.0.1")) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(inside))).as(inside).isFalse();
		}
		assertThat(PublicAddresses.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
		assertThat(PublicAddresses.isPublic(InetAddress.getByName("2a00:1450::1"))).isTrue();
	}

	@Test
	void ipv6FormsThatCarryAnInsideIpv4AddressAreNotPublic() throws Exception {
		// IPv4-compatible, IPv4-mapped, NAT64, 6to4 and Teredo
		for (String inside : List.of("::127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1",
				"2002:c0a8:101::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "::")) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(inside))).as(inside).isFalse();
		}
		for (String outside : List.of("64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8")) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(outside))).as(outside).isTrue();
		}
	}

	@Test
	void aTestSetUpMayPointAtALocalPageButStillOnlyAtConfiguredHosts() {
		MeetingUrls local = new MeetingUrls(Map.of("test-page", List.of("127.0.0.1")), true, InetAddress::getAllByName);
		assertThat(local.validate("http://127.0.0.1:8123/room")).isEqualTo("test-page");
		assertThatThrownBy(() -> local.validate("http://localhost:8123/room")).isInstanceOf(ApiException.class);
	}

	private void refused(String url) {
		assertThatThrownBy(() -> this.urls.validate(url)).as(url)
			.isInstanceOf(ApiException.class)
			.hasFieldOrPropertyWithValue("slug", "invalid-meeting-url");
	}

	private static InetAddress[] addresses(String... literals) throws UnknownHostException {
		InetAddress[] result = new InetAddress[literals.length];
		for (int i = 0; i < literals.length; i++) {
			result[i] = InetAddress.getByName(literals[i]);
		}
		return result;
	}

}
