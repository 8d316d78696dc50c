package io.aigenda.backend.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aigenda.backend.BackendIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebAppIntegrationTests extends BackendIntegrationTest {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

	@Test
	void webAppIsServedFromTheApiOriginWithoutSigningIn() {
		HttpResponse<String> page = get("/", null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<div id=\"root\">");
		Matcher script = SCRIPT.matcher(page.body());
		assertThat(script.find()).as("the page loads the built bundle").isTrue();
		HttpResponse<String> bundle = get(script.group(1), null);
		assertThat(bundle.statusCode()).isEqualTo(200);
		assertThat(bundle.body()).contains("AiGenda");
	}

	@Test
	void apiStillNeedsCredentials() {
		assertThat(get("/api/v1/meetings", null).statusCode()).isEqualTo(401);
	}

	@Test
	void shareViewsAndUnknownPagesOpenTheWebApp() {
		assertThat(get("/shared/shr_anything", null).body()).contains("<div id=\"root\">");
		HttpResponse<String> unknown = call(java.net.http.HttpRequest.newBuilder(url("/no/such/page"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Accept", "text/html,application/xhtml+xml")
			.build());

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("<div id=\"root\">");
		assertThat(get("/no/such/page", ADMIN_TOKEN).body()).contains("not-found");
		assertThat(get("/api/v1/nothing-here", ADMIN_TOKEN).body()).contains("not-found");
	}

}
