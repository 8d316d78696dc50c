package io.aigenda.backend.bot;

import java.util.UUID;

import io.aigenda.backend.problem.ApiException;
import io.aigenda.contracts.internal.BotStateReport;
import io.aigenda.contracts.internal.BotStatus;
import io.aigenda.contracts.internal.InternalPaths;
import io.aigenda.contracts.internal.RecorderToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The meeting-controller's side of bots (service token only). */
@RestController
class InternalBotController {

	private final BotProvisioning bots;

	private final RecorderTokens tokens;

	InternalBotController(BotProvisioning bots, RecorderTokens tokens) {
		this.bots = bots;
		this.tokens = tokens;
	}

	@GetMapping(InternalPaths.BOT)
	BotStatus get(@PathVariable UUID botId) {
		return this.bots.view(botId).map(BotView::status).orElseThrow(() -> ApiException.notFound("Bot"));
	}

	@PostMapping(InternalPaths.BOT_RECORDER_TOKEN)
	RecorderToken recorderToken(@PathVariable UUID botId) {
		return this.tokens.issue(botId);
	}

	@PutMapping(InternalPaths.BOT_STATE)
	BotStatus report(@PathVariable UUID botId, @RequestBody BotStateReport report) {
		return this.bots.report(botId, report).status();
	}

}
