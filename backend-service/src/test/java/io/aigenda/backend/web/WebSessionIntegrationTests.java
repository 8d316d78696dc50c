package io.aigenda.backend.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.backend.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's cookie sign-in with CSRF protection, its routes, live events and
 * recordings.
 */
class WebSessionIntegrationTests extends BackendIntegrationTest {

	/** A browser: keeps cookies, and sends what the web app sends. */
	private final class Browser {

		final CookieManager cookies = new CookieManager();

		final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		HttpResponse<String> send(String method, String path, String json, boolean withCsrf) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
				.header("X-Requested-With", "XMLHttpRequest");
			if (withCsrf && csrf() != null) {
				request.header("X-XSRF-TOKEN", csrf());
			}
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			request.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrf() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		HttpResponse<String> signIn(String password) throws Exception {
			send("GET", "/api/v1/session", null, false);
			return send("POST", "/api/v1/session", "{\"email\":\"admin@test.local\",\"password\":\"" + password + "\"}",
					true);
		}

	}

	@Test
	void signedInBrowserUsesTheApiWithTheSessionCookieUntilItSignsOut() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> anonymous = browser.send("GET", "/api/v1/session", null, false);
		assertThat(body(anonymous).path("authenticated").asBoolean()).isFalse();
		assertThat(browser.csrf()).as("the sign-in form gets a CSRF token").isNotBlank();

		HttpResponse<String> signedIn = browser.signIn("admin-password");
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
		assertThat(body(signedIn).path("user").path("email").asString()).isEqualTo("admin@test.local");
		assertThat(body(signedIn).path("organisations").get(0).path("name").asString()).isEqualTo("Test HQ");

		assertThat(browser.send("GET", "/api/v1/meetings", null, false).statusCode()).isEqualTo(200);
		HttpResponse<String> created = browser.send("POST", "/api/v1/meetings", "{\"title\":\"Cookie meeting\"}", true);
		assertThat(created.statusCode()).isEqualTo(201);

		assertThat(browser.send("DELETE", "/api/v1/session", null, true).statusCode()).isEqualTo(204);
		assertThat(browser.send("GET", "/api/v1/meetings", null, false).statusCode()).isEqualTo(401);
	}

	@Test
	void cookieRequestsWithoutTheCsrfTokenAreRefusedButTokenRequestsNeedNone() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.signIn("admin-password").statusCode()).isEqualTo(200);

		HttpResponse<String> forged = browser.send("POST", "/api/v1/meetings", "{\"title\":\"Forged\"}", false);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/v1/meetings", ADMIN_TOKEN, "{\"title\":\"From a program\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void wrongPasswordIsRefusedWithoutABrowserPrompt() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> refused = browser.signIn("wrong-password");

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(body(refused).path("detail").asString()).isEqualTo("Wrong e-mail or password");
		HttpResponse<String> api = browser.send("GET", "/api/v1/meetings", null, false);
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(get("/api/v1/meetings", null).headers().firstValue("WWW-Authenticate")).isPresent();
	}

	@Test
	void appRoutesAnswerWithTheWebAppSoReloadsWork() {
		for (String route : List.of("/meetings", "/meetings/0b6f2a52-44e4-4c4e-9a55-0c5c8f4f3a11", "/upload",
				"/record-call", "/tokens", "/webhooks", "/search", "/sign-in")) {
			HttpResponse<String> page = get(route, null);
			assertThat(page.statusCode()).as(route).isEqualTo(200);
			assertThat(page.body()).as(route).contains("<div id=\"root\">");
		}
		assertThat(get("/api/v1/nothing-here", ADMIN_TOKEN).statusCode()).isEqualTo(404);
	}

	@Test
	void meetingsAreFoundByTitle() {
		createMeeting(ADMIN_TOKEN, "Quarterly budget review");
		createMeeting(ADMIN_TOKEN, "Design sync");

		JsonNode found = body(get("/api/v1/meetings?q=BUDGET", ADMIN_TOKEN));

		assertThat(found.path("items").valueStream().map(m -> m.path("title").asString()).toList())
			.containsExactly("Quarterly budget review");
	}

	@Test
	void eventsStreamTheMeetingStateAndFollowItsChanges() throws Exception {
		String id = createMeeting(ADMIN_TOKEN, "Live status");
		HttpRequest request = HttpRequest.newBuilder(url("/api/v1/meetings/" + id + "/events"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			List<String> states = new ArrayList<>();
			states.add(nextMeeting(reader).path("state").asString());
			// the upload reserves the meeting: the stream reports it without being asked
			// again
			send("POST", "/api/v1/meetings/" + id + "/uploads", ADMIN_TOKEN, "{\"sizeBytes\":1000}");
			states.add(nextMeeting(reader).path("state").asString());
			assertThat(states).containsExactly("CREATED", "UPLOADING");
		}
	}

	@Test
	void eventsOfAnotherOrganisationsMeetingAreNotFound() {
		String id = createMeeting(ADMIN_TOKEN, "Private");

		assertThat(get("/api/v1/meetings/" + id + "/events", otherOrganisationToken()).statusCode()).isEqualTo(404);
	}

	@Test
	void recordingPlaysFromAPresignedUrl() throws Exception {
		String id = createMeeting(ADMIN_TOKEN, "Playback");
		byte[] wav = read(shared("eval-dev/asr/en/jfk.wav"));
		assertThat(putFile("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN, "jfk.wav", wav).statusCode())
			.isEqualTo(200);

		HttpResponse<String> redirect = get("/api/v1/meetings/" + id + "/recording", ADMIN_TOKEN);
		assertThat(redirect.statusCode()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		HttpResponse<byte[]> audio = http.send(
				HttpRequest.newBuilder(java.net.URI.create(location)).header("Range", "bytes=0-11").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(audio.statusCode()).isEqualTo(206);
		assertThat(new String(audio.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
	}

	private JsonNode nextMeeting(BufferedReader reader) throws Exception {
		String event = null;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (line.startsWith("event:")) {
				event = line.substring(6).strip();
			}
			else if (line.startsWith("data:") && "meeting".equals(event)) {
				return this.json.readTree(line.substring(5).strip());
			}
		}
		throw new AssertionError("The event stream ended");
	}

}
