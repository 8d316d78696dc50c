package io.aigenda.app.reliability;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges an attacker reaches first: authentication on every operation, password
 * guessing, how passwords and API tokens are kept, CSRF for the browser session, bot URLs
 * into the internal network, and secrets in the logs.
 */
@ExtendWith(ReliabilityPlatform.Extension.class)
class EdgeSecurityTests {

	private static final String AREA = "edge security";

	/** Reachable without credentials on purpose: the web app's sign-in. */
	static final List<String> PUBLIC = List.of("GET /api/v1/session", "POST /api/v1/session", "DELETE /api/v1/session");

	/**
	 * A share link's read-only view: the link's random token is the credential, so an
	 * unknown one gets the same 404 as an expired or revoked one.
	 */
	static final List<String> SHARED = List.of("GET /api/v1/shared/{token}", "GET /api/v1/shared/{token}/recording");

	static ReliabilityPlatform suite;

	static Api admin;

	@BeforeAll
	static void platform(ReliabilityPlatform platform) {
		suite = platform;
		admin = platform.admin;
	}

	@Test
	void everyOperationButSignInNeedsCredentials() throws Exception {
		for (String operation : TenantIsolationTests.operations(admin)) {
			String method = operation.substring(0, operation.indexOf(' '));
			String path = operation.substring(operation.indexOf(' ') + 1)
				.replaceAll("\\{(meetingId|uploadId|voiceprintId|id|botId)}", java.util.UUID.randomUUID().toString())
				.replaceAll("\\{[a-zA-Z]+}", "1");
			if (PUBLIC.contains(operation)) {
				continue;
			}
			if (SHARED.contains(operation)) {
				Report.check(AREA, "unknown share token: " + operation, () -> {
					HttpResponse<String> anonymous = Api.call(HttpRequest.newBuilder(admin.base().resolve(path))
						.timeout(Duration.ofSeconds(10))
						.GET()
						.build());
					assertThat(anonymous.statusCode()).as(operation).isEqualTo(404);
					assertThat(anonymous.body()).as(operation).contains("share-not-found");
				});
				continue;
			}
			Report.check(AREA, "no credentials: " + operation, () -> {
				HttpResponse<String> anonymous = Api.call(HttpRequest.newBuilder(admin.base().resolve(path))
					.timeout(Duration.ofSeconds(10))
					.method(method, HttpRequest.BodyPublishers.noBody())
					.build());
				// unsafe methods meet the CSRF check (403) before authentication (401);
				// both refuse
				assertThat(anonymous.statusCode()).as(operation).isIn(401, 403);
				assertThat(anonymous.headers().firstValue("Content-Type").orElse(""))
					.startsWith("application/problem+json");
			});
			Report.check(AREA, "unknown API token: " + operation, () -> {
				HttpResponse<String> forged = Api.call(admin.as("agk_" + "x".repeat(43))
					.request(path)
					.timeout(Duration.ofSeconds(10))
					.method(method, HttpRequest.BodyPublishers.noBody())
					.build());
				Api.assertProblem(forged, 401, "unauthorized");
			});
		}
		Report.check(AREA, "health is open, and says no more than its status", () -> {
			HttpResponse<String> health = admin.anonymous().get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).doesNotContain("jdbc:").doesNotContain("password");
		});
	}

	@Test
	void repeatedWrongPasswordsAreSlowedDownPerAccountAndAddress() throws Exception {
		Api.Member member = admin.newMember("Guessed");
		Api.Member bystander = admin.newMember("Bystander");
		Browser attacker = new Browser();
		Report.check(AREA, "sign-in: 6th wrong password in the window gets 429 with Retry-After", () -> {
			for (int i = 0; i < 5; i++) {
				Api.assertProblem(attacker.signIn(member.email(), "guess-" + i), 401, "bad-credentials");
			}
			HttpResponse<String> limited = attacker.signIn(member.email(), "guess-5");
			Api.assertProblem(limited, 429, "too-many-sign-in-attempts");
			assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isPositive();
		});
		Report.check(AREA, "sign-in: the right password waits too, other accounts do not", () -> {
			Api.assertProblem(attacker.signIn(member.email(), member.password()), 429, "too-many-sign-in-attempts");
			assertThat(new Browser().signIn(bystander.email(), bystander.password()).statusCode()).isEqualTo(200);
			// programs with an API token are not affected
			assertThat(member.api().get("/api/v1/me").statusCode()).isEqualTo(200);
		});
	}

	@Test
	void wrongBasicPasswordsAreSlowedDownLikeTheSignInForm() throws Exception {
		Api.Member member = admin.newMember("Guessed by Basic");
		Api.Member bystander = admin.newMember("Basic bystander");
		Report.check(AREA, "HTTP Basic: 6th wrong password in the window gets 429 with Retry-After", () -> {
			assertThat(basic(member.email(), member.password()).statusCode()).isEqualTo(200);
			for (int i = 0; i < 5; i++) {
				Api.assertProblem(basic(member.email(), "guess-" + i), 401, "unauthorized");
			}
			HttpResponse<String> limited = basic(member.email(), "guess-5");
			Api.assertProblem(limited, 429, "too-many-sign-in-attempts");
			assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isPositive();
		});
		Report.check(AREA, "HTTP Basic: the right password waits too, in the form as well; other accounts do not",
				() -> {
					Api.assertProblem(basic(member.email(), member.password()), 429, "too-many-sign-in-attempts");
					Api.assertProblem(new Browser().signIn(member.email(), member.password()), 429,
							"too-many-sign-in-attempts");
					assertThat(basic(bystander.email(), bystander.password()).statusCode()).isEqualTo(200);
					assertThat(member.api().get("/api/v1/me").statusCode()).isEqualTo(200);
				});
	}

	private static HttpResponse<String> basic(String email, String password) {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((email + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return Api.call(HttpRequest.newBuilder(admin.base().resolve("/api/v1/me"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + credentials)
			.GET()
			.build());
	}

	@Test
	void passwordsAndTokensAreStoredOnlyAsHashesAndTokensShownOnce() throws Exception {
		Api.Member member = admin.newMember("Stored");
		Report.check(AREA, "password stored as a bcrypt/argon2 hash", () -> {
			String hash = single("select u.password_hash from users u where u.email = ?", member.email());
			assertThat(hash).matches("\\{(bcrypt|argon2|scrypt|pbkdf2)[^}]*}.+").doesNotContain(member.password());
			if (hash.startsWith("{bcrypt}")) {
				// cost 10 or more
				assertThat(Integer.parseInt(hash.substring("{bcrypt}$2a$".length(), "{bcrypt}$2a$".length() + 2)))
					.isGreaterThanOrEqualTo(10);
			}
		});
		HttpResponse<String> issued = member.api().send("POST", "/api/v1/tokens", "{\"name\":\"ci\"}");
		assertThat(issued.statusCode()).isEqualTo(201);
		String token = Api.json(issued).path("token").asString();
		Report.check(AREA, "API token shown once, listed only by prefix", () -> {
			assertThat(token).startsWith("agk_").hasSizeGreaterThan(40);
			String list = member.api().get("/api/v1/tokens").body();
			assertThat(list).contains(Api.json(issued).path("id").asString()).doesNotContain(token);
			assertThat(member.api().as(token).get("/api/v1/me").statusCode()).isEqualTo(200);
		});
		Report.check(AREA, "API token stored as SHA-256 only", () -> {
			String digest = java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			String row = single("select t::text from api_tokens t where t.token_sha256 = ?", digest);
			assertThat(row).isNotNull().doesNotContain(token).doesNotContain(token.substring(4));
		});
	}

	@Test
	void cookieSessionsNeedTheCsrfToken() throws Exception {
		Api.Member member = admin.newMember("Browser user");
		Browser browser = new Browser();
		assertThat(browser.signIn(member.email(), member.password()).statusCode()).isEqualTo(200);
		String body = "{\"title\":\"From the browser\",\"language\":\"en\"}";
		Report.check(AREA, "CSRF: cookie without token refused", () -> {
			Api.assertProblem(browser.send("POST", "/api/v1/meetings", body, false), 403, "forbidden");
			Api.assertProblem(browser.send("DELETE", "/api/v1/session", null, false), 403, "forbidden");
		});
		Report.check(AREA, "CSRF: forged token refused", () -> {
			HttpResponse<String> forged = browser.http.send(browser.request("/api/v1/meetings")
				.header("X-XSRF-TOKEN", "forged")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			Api.assertProblem(forged, 403, "forbidden");
		});
		Report.check(AREA, "CSRF: cookie with token accepted", () -> {
			assertThat(browser.send("POST", "/api/v1/meetings", body, true).statusCode()).isEqualTo(201);
		});
		Report.check(AREA, "session cookie is HttpOnly and SameSite", () -> {
			String setCookie = browser.lastSignIn.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(c -> c.startsWith("JSESSIONID="))
				.findFirst()
				.orElseThrow();
			assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		});
	}

	@Test
	void botsAreNeverSentIntoTheInternalNetwork() throws Exception {
		String meeting = admin.createMeeting("Bot target");
		List<String> inside = List.of("https://localhost/room", "https://127.0.0.1/room", "https://10.1.2.3/room",
				"https://169.254.169.254/latest/meta-data/", "https://[::1]/room", "https://[fe80::1]/room",
				"https://[fd00::1]/room", "https://[::ffff:127.0.0.1]/room", "https://[::ffff:10.0.0.1]/room",
				"https://[::127.0.0.1]/room", "https://[64:ff9b::a9fe:a9fe]/room", "https://[2002:7f00:1::1]/room",
				"https://[::]/room", "http://meet.jit.si/room", "https://user:secret@meet.jit.si/room",
				"https://meet.jit.si.evil.test/room", "file:///etc/passwd", "https://2130706433/room");
		for (String url : inside) {
			Report.check(AREA, "bot URL refused: " + url, () -> {
				HttpResponse<String> response = admin.send("POST", "/api/v1/meetings/" + meeting + "/bot",
						Api.JSON.writeValueAsString(java.util.Map.of("url", url)));
				JsonNode problem = Api.assertProblem(response, 400, "invalid-meeting-url");
				Report.badInput("bot URL " + url, "POST /bot", 400, problem.path("detail").asString());
			});
		}
		assertThat(admin.get("/api/v1/meetings/" + meeting + "/bot").statusCode()).isEqualTo(404);
	}

	@Test
	void passwordsAndTokensNeverReachTheLogs() throws Exception {
		List<String> loud = List.of("io.aigenda", "org.springframework.security", "org.springframework.web",
				"org.apache.catalina", "org.apache.coyote", "org.hibernate.SQL");
		LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
		ListAppender<ILoggingEvent> captured = new ListAppender<>();
		captured.start();
		List<Level> levels = new ArrayList<>();
		for (String name : loud) {
			Logger logger = logging.getLogger(name);
			levels.add(logger.getLevel());
			logger.setLevel(Level.DEBUG);
			logger.addAppender(captured);
			logger.setAdditive(false);
		}
		Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(captured);
		List<String> secrets = new ArrayList<>();
		try {
			Api.Member member = admin.newMember("Logged");
			secrets.add(member.password());
			secrets.add(member.api().token());
			Browser browser = new Browser();
			browser.signIn(member.email(), "wrong-" + member.password());
			secrets.add("wrong-" + member.password());
			browser.signIn(member.email(), member.password());
			HttpResponse<String> issued = member.api().send("POST", "/api/v1/tokens", "{\"name\":\"logged\"}");
			secrets.add(Api.json(issued).path("token").asString());
			// HTTP Basic carries the password in every request
			String basic = java.util.Base64.getEncoder()
				.encodeToString(
						(member.email() + ":" + member.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			secrets.add(basic);
			Api.call(admin.anonymous().request("/api/v1/me").header("Authorization", "Basic " + basic).build());
		}
		finally {
			root.detachAppender(captured);
			for (int i = 0; i < loud.size(); i++) {
				Logger logger = logging.getLogger(loud.get(i));
				logger.detachAppender(captured);
				logger.setAdditive(true);
				logger.setLevel(levels.get(i));
			}
		}
		Report.check(AREA, "no password or token in " + captured.list.size() + " log events at DEBUG", () -> {
			assertThat(captured.list).hasSizeGreaterThan(10);
			for (ILoggingEvent event : captured.list) {
				StringBuilder text = new StringBuilder(event.getFormattedMessage());
				for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
					text.append(' ').append(proxy.getMessage());
				}
				event.getMDCPropertyMap().values().forEach(value -> text.append(' ').append(value));
				for (String secret : secrets) {
					assertThat(text.toString()).as(event.getLoggerName()).doesNotContain(secret);
				}
			}
		});
	}

	private static String single(String sql, String parameter) throws Exception {
		try (Connection connection = suite.database(); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	/**
	 * A browser: cookies, the XSRF cookie read back into the header, as the web app does.
	 */
	static final class Browser {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		HttpResponse<String> lastSignIn;

		HttpResponse<String> signIn(String email, String password) throws Exception {
			this.http.send(request("/api/v1/session").GET().build(), HttpResponse.BodyHandlers.ofString());
			this.lastSignIn = send("POST", "/api/v1/session",
					Api.JSON.writeValueAsString(java.util.Map.of("email", email, "password", password)), true);
			return this.lastSignIn;
		}

		HttpResponse<String> send(String method, String path, String json, boolean withCsrf) throws Exception {
			HttpRequest.Builder request = request(path);
			if (withCsrf) {
				request.header("X-XSRF-TOKEN", xsrf());
			}
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			return this.http
				.send(request
					.method(method,
							json == null ? HttpRequest.BodyPublishers.noBody()
									: HttpRequest.BodyPublishers.ofString(json))
					.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(admin.base().resolve(path)).header("X-Requested-With", "XMLHttpRequest");
		}

		private String xsrf() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElseThrow();
		}

	}

}
