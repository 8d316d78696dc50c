package io.aigenda.meetingcontroller.bot;

import io.aigenda.contracts.internal.Heartbeat;
import io.aigenda.contracts.internal.InternalPaths;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Recorders report here, with their bot's recorder token, every few seconds. */
@RestController
class HeartbeatController {

	private final Bots bots;

	HeartbeatController(Bots bots) {
		this.bots = bots;
	}

	@PostMapping(InternalPaths.RECORDER_HEARTBEAT)
	ResponseEntity<?> heartbeat(@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody Heartbeat heartbeat) {
		String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).trim() : "";
		return this.bots.heartbeat(token, heartbeat).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Unknown or expired recorder token");
			problem.setType(java.net.URI.create("https://aigenda.io/problems/unauthorized"));
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		});
	}

}
