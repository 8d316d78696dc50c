package io.aigenda.backend.bot;

import io.aigenda.contracts.internal.BotStatus;
import io.aigenda.contracts.internal.ChunkUrl;
import io.aigenda.contracts.internal.InternalPaths;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recorder's side: it holds a token for one bot and can do nothing but learn which
 * bot it is and get upload URLs for that bot's audio chunks.
 */
@RestController
class RecorderController {

	private final BotProvisioning bots;

	private final ChunkAssembly chunks;

	RecorderController(BotProvisioning bots, ChunkAssembly chunks) {
		this.bots = bots;
		this.chunks = chunks;
	}

	@GetMapping(InternalPaths.RECORDER_BOT)
	BotStatus bot(@AuthenticationPrincipal RecorderPrincipal recorder) {
		return this.bots.view(recorder.botId()).orElseThrow().status();
	}

	/**
	 * A presigned URL to PUT chunk {@code sequence}: raw PCM, 16-bit little-endian, 16
	 * kHz, mono.
	 */
	@PostMapping(InternalPaths.RECORDER_CHUNK)
	ChunkUrl chunk(@AuthenticationPrincipal RecorderPrincipal recorder, @PathVariable int sequence) {
		return this.chunks.chunkUrl(recorder, sequence);
	}

}
