package io.aigenda.backend.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds problem details with the project's stable type URIs. */
public final class Problems {

	public static final String BASE = "https://aigenda.io/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(BASE + slug));
		return problem;
	}

}
