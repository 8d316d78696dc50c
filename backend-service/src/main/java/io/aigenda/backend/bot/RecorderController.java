package io.aigenda.backend.bot;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recorder's side: it holds a token for one bot and can do nothing but learn which
 * bot it is and get upload URLs for that bot's audio chunks.
 */
@RestController
@RequestMapping("/api/v1/recorder")
class RecorderController {

	private final Bots bots;

	RecorderController(Bots bots) {
		this.bots = bots;
	}

	@GetMapping("/bot")
	BotView bot(@AuthenticationPrincipal Bots.RecorderPrincipal recorder) {
		return this.bots.view(recorder.botId()).orElseThrow();
	}

	/**
	 * A presigned URL to PUT chunk {@code sequence}: raw PCM, 16-bit little-endian, 16
	 * kHz, mono.
	 */
	@PostMapping("/chunks/{sequence}")
	BotDtos.ChunkUrl chunk(@AuthenticationPrincipal Bots.RecorderPrincipal recorder, @PathVariable int sequence) {
		return this.bots.chunkUrl(recorder, sequence);
	}

}
