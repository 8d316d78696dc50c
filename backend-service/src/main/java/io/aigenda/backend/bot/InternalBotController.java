package io.aigenda.backend.bot;

import java.util.UUID;

import io.aigenda.backend.problem.ApiException;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The meeting-controller's side of bots (service token only). */
@RestController
@RequestMapping("/api/v1/internal/bots/{botId}")
class InternalBotController {

	private final Bots bots;

	InternalBotController(Bots bots) {
		this.bots = bots;
	}

	@GetMapping
	BotView get(@PathVariable UUID botId) {
		return this.bots.view(botId).orElseThrow(() -> ApiException.notFound("Bot"));
	}

	@PostMapping("/recorder-token")
	BotDtos.RecorderToken recorderToken(@PathVariable UUID botId) {
		return this.bots.issueToken(botId);
	}

	@PutMapping("/state")
	BotView report(@PathVariable UUID botId, @Valid @RequestBody BotDtos.StateReport report) {
		return this.bots.report(botId, report);
	}

}
