package io.aigenda.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container health check: exits 0 when the given health URL answers 200, 1 otherwise. The
 * service images (built by Jib) have a JVM but no curl or wget.
 */
public final class ReadinessCheck {

	private ReadinessCheck() {
	}

	public static void main(String[] args) {
		String url = (args.length > 0) ? args[0] : "http://127.0.0.1:8080/actuator/health/readiness";
		System.exit(check(url) ? 0 : 1);
	}

	static boolean check(String url) {
		try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
