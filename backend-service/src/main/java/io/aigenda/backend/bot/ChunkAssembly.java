package io.aigenda.backend.bot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.aigenda.audio.WavWriter;
import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.meeting.MeetingState;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.internal.ChunkUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bot's audio: the recorder uploads raw PCM chunks (16-bit little-endian, 16 kHz, mono)
 * straight to S3 through presigned URLs; when the bot has finished (done or failed), the
 * chunks received are joined into the meeting's WAV recording and its processing starts,
 * so a bot that dies mid-call still yields what it heard.
 */
@Service
class ChunkAssembly {

	private static final Logger log = LoggerFactory.getLogger(ChunkAssembly.class);

	static final int SAMPLE_RATE = 16_000;

	static final String FILENAME = "bot-recording.wav";

	private static final int MAX_CHUNKS = 100_000;

	private final BotStore bots;

	private final Meetings meetings;

	private final MeetingRepository meetingRepository;

	private final ObjectStore store;

	private final TransactionTemplate transactions;

	private final BotProperties properties;

	ChunkAssembly(BotStore bots, Meetings meetings, MeetingRepository meetingRepository, ObjectStore store,
			TransactionTemplate transactions, BotProperties properties) {
		this.bots = bots;
		this.meetings = meetings;
		this.meetingRepository = meetingRepository;
		this.store = store;
		this.transactions = transactions;
		this.properties = properties;
	}

	/**
	 * A presigned PUT URL for chunk {@code sequence} (0, 1, 2, ...). Asking twice is
	 * harmless.
	 */
	ChunkUrl chunkUrl(RecorderPrincipal recorder, int sequence) {
		if (sequence < 0 || sequence >= MAX_CHUNKS) {
			throw ApiException.badRequest("validation-failed", "sequence must be between 0 and " + (MAX_CHUNKS - 1));
		}
		String key = StorageKeys.meetingPrefix(recorder.organisationId(), recorder.meetingId()) + "bot/"
				+ recorder.botId() + "/chunk-" + String.format("%06d", sequence) + ".pcm";
		this.transactions
			.executeWithoutResult(status -> this.bots.chunk(recorder.botId(), sequence, key, Instant.now()));
		Duration ttl = this.properties.chunkUrlTtl();
		return new ChunkUrl(sequence, this.store.presignPut(key, ttl), Instant.now().plus(ttl));
	}

	/**
	 * Joins the finished bot's chunks into a WAV recording and starts processing, or
	 * frees the meeting for another recording when nothing arrived. Runs again on a
	 * repeated report until the meeting has left {@code UPLOADING}, so a crash half way
	 * does not strand the meeting.
	 */
	void assemble(BotStore.Row bot) {
		Meeting meeting = this.meetingRepository.findById(bot.meetingId()).orElse(null);
		if (meeting == null || meeting.getState() != MeetingState.UPLOADING) {
			return;
		}
		List<String> keys = this.bots.chunkKeys(bot.id()).stream().filter(this.store::exists).toList();
		if (keys.isEmpty()) {
			this.transactions.executeWithoutResult(status -> this.meetingRepository.lockById(bot.meetingId())
				.filter(m -> m.getState() == MeetingState.UPLOADING)
				.ifPresent(Meeting::uploadAbandoned));
			log.info("Bot {} ended without audio; meeting {} waits for a recording", bot.id(), bot.meetingId());
			return;
		}
		Path wav = null;
		try {
			wav = Files.createTempFile("aigenda-bot", ".wav");
			long dataBytes = writeWav(wav, keys);
			String key = StorageKeys.recording(bot.organisationId(), bot.meetingId());
			this.store.putFile(key, wav, "audio/wav");
			long size = Files.size(wav);
			double duration = dataBytes / (2.0 * SAMPLE_RATE);
			this.transactions.executeWithoutResult(status -> {
				Meeting locked = this.meetingRepository.lockById(bot.meetingId()).orElseThrow();
				if (locked.getState() != MeetingState.UPLOADING) {
					return;
				}
				locked.uploaded(key, FILENAME, "audio/wav", size, null, duration);
				this.meetings.requestProcessing(locked);
			});
			log.info("Bot {} recorded {} s of meeting {} in {} chunks", bot.id(), Math.round(duration), bot.meetingId(),
					keys.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (wav != null) {
				wav.toFile().delete();
			}
		}
	}

	/**
	 * Writes the chunks' samples, in order, as one 16 kHz mono 16-bit WAV file; returns
	 * the bytes of samples written.
	 */
	private long writeWav(Path wav, List<String> keys) throws IOException {
		long dataBytes = 0;
		try (OutputStream out = Files.newOutputStream(wav)) {
			out.write(new byte[WavWriter.HEADER_BYTES]);
			for (String key : keys) {
				byte[] samples = samples(key);
				out.write(samples);
				dataBytes += samples.length;
			}
		}
		WavWriter.writeHeader(wav, SAMPLE_RATE, dataBytes);
		return dataBytes;
	}

	/** One chunk's samples: its bytes up to the last whole 16-bit sample. */
	private byte[] samples(String key) {
		byte[] chunk = this.store.getBytes(key);
		// the recorder wrote it through a presigned URL: its bytes are known only now
		this.store.countClientUpload(chunk.length);
		// a chunk cut in the middle of a sample would shift every later sample by a byte
		return (chunk.length % 2 == 0) ? chunk : Arrays.copyOf(chunk, chunk.length - 1);
	}

}
