package io.aigenda.backend.bot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.aigenda.backend.meeting.Meeting;
import io.aigenda.backend.meeting.MeetingRepository;
import io.aigenda.backend.meeting.MeetingState;
import io.aigenda.backend.meeting.Meetings;
import io.aigenda.backend.outbox.Outbox;
import io.aigenda.backend.problem.ApiException;
import io.aigenda.backend.storage.ObjectStore;
import io.aigenda.backend.storage.StorageKeys;
import io.aigenda.contracts.Queues;
import io.aigenda.contracts.StartRecording;
import io.aigenda.contracts.StopRecording;
import io.aigenda.contracts.internal.BotStateReport;
import io.aigenda.contracts.internal.ChunkUrl;
import io.aigenda.contracts.internal.RecorderToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recorder bots of meetings. An invitation reserves the meeting's recording (state
 * {@code UPLOADING}) and asks the meeting-controller for a bot through the outbox. The
 * recorder uploads raw PCM chunks (16-bit little-endian, 16 kHz, mono) straight to S3
 * through presigned URLs; when the controller reports the bot finished (done or failed),
 * the chunks received are joined into the meeting's WAV recording and its processing
 * starts, so a bot that dies mid-call still yields what it heard.
 */
@Service
class Bots {

	private static final Logger log = LoggerFactory.getLogger(Bots.class);

	static final String TOKEN_PREFIX = "agr_";

	static final int SAMPLE_RATE = 16_000;

	private static final int MAX_CHUNKS = 100_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final MeetingRepository meetingRepository;

	private final Outbox outbox;

	private final ObjectStore store;

	private final TransactionTemplate transactions;

	private final BotProperties properties;

	private final MeetingUrls urls;

	Bots(JdbcClient jdbc, Meetings meetings, MeetingRepository meetingRepository, Outbox outbox, ObjectStore store,
			TransactionTemplate transactions, BotProperties properties) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.meetingRepository = meetingRepository;
		this.outbox = outbox;
		this.store = store;
		this.transactions = transactions;
		this.properties = properties;
		this.urls = new MeetingUrls(properties);
	}

	BotView invite(UUID organisationId, UUID meetingId, BotDtos.Invite invite) {
		// whose meeting it is comes first: another organisation's meeting is unknown,
		// whatever the URL
		this.meetings.get(organisationId, meetingId);
		String platform = this.urls.validate(invite.url());
		Duration maxDuration = invite.maxDurationMinutes() != null ? Duration.ofMinutes(invite.maxDurationMinutes())
				: this.properties.defaultMaxDuration();
		if (maxDuration.compareTo(this.properties.maxDuration()) > 0) {
			throw ApiException.badRequest("validation-failed",
					"maxDurationMinutes must not exceed " + this.properties.maxDuration().toMinutes());
		}
		Instant now = Instant.now();
		Instant joinAt = invite.joinAt() != null && invite.joinAt().isAfter(now) ? invite.joinAt() : now;
		UUID botId = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> {
			Meeting meeting = this.meetingRepository.lockById(meetingId)
				.filter(m -> m.getOrganisationId().equals(organisationId))
				.orElseThrow(() -> ApiException.notFound("Meeting"));
			if (meeting.getState() != MeetingState.CREATED) {
				throw ApiException.conflict("already-recording",
						"This meeting already has a recording, an upload or a bot in progress");
			}
			meeting.uploading();
			this.jdbc.sql("""
					insert into meeting_bots (id, meeting_id, organisation_id, url, platform, state, join_at,
					    max_duration_seconds, created_at, updated_at)
					values (?, ?, ?, ?, ?, 'SCHEDULED', ?, ?, ?, ?)""")
				.params(botId, meetingId, organisationId, invite.url().trim(), platform, ts(joinAt),
						maxDuration.toSeconds(), ts(now), ts(now))
				.update();
			this.outbox.enqueue(Queues.START_RECORDING, new StartRecording(botId, meetingId, organisationId,
					invite.url().trim(), platform, joinAt, maxDuration.toSeconds(), now));
		});
		log.info("Bot {} invited to meeting {} ({})", botId, meetingId, platform);
		return view(botId).orElseThrow();
	}

	/** The meeting's latest bot. */
	BotView current(UUID organisationId, UUID meetingId) {
		this.meetings.get(organisationId, meetingId);
		return this.jdbc.sql("select id from meeting_bots where meeting_id = ? order by created_at desc limit 1")
			.param(meetingId)
			.query(UUID.class)
			.optional()
			.flatMap(this::view)
			.orElseThrow(() -> ApiException.notFound("Bot"));
	}

	BotView stop(UUID organisationId, UUID meetingId) {
		BotView bot = current(organisationId, meetingId);
		if (!BotState.valueOf(bot.state()).terminal()) {
			this.transactions.executeWithoutResult(status -> {
				this.jdbc.sql("update meeting_bots set detail = 'stop requested', updated_at = ? where id = ?")
					.params(ts(Instant.now()), bot.id())
					.update();
				this.outbox.enqueue(Queues.STOP_RECORDING,
						new StopRecording(bot.id(), meetingId, "called back by a user"));
			});
		}
		return view(bot.id()).orElseThrow();
	}

	/**
	 * A new token for the bot's recorder. It works for this bot only, until the bot ends
	 * or its maximum duration (plus a grace period) has passed; asking again replaces it.
	 */
	RecorderToken issueToken(UUID botId) {
		return this.transactions.execute(status -> {
			Row row = lock(botId).orElseThrow(() -> ApiException.notFound("Bot"));
			if (row.state().terminal()) {
				throw ApiException.conflict("bot-finished", "The bot has finished");
			}
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Instant start = row.joinAt().isAfter(Instant.now()) ? row.joinAt() : Instant.now();
			Instant expires = start.plusSeconds(row.maxDurationSeconds()).plus(this.properties.tokenGrace());
			this.jdbc
				.sql("update meeting_bots set recorder_token_sha256 = ?, recorder_token_expires_at = ? where id = ?")
				.params(sha256(token), ts(expires), botId)
				.update();
			return new RecorderToken(botId, row.meetingId(), token, expires);
		});
	}

	/**
	 * Records the controller's report; a finished bot's chunks become the meeting's
	 * recording.
	 */
	BotView report(UUID botId, BotStateReport report) {
		BotState state = stateOf(report);
		Row row = this.transactions.execute(status -> {
			Row current = lock(botId).orElseThrow(() -> ApiException.notFound("Bot"));
			if (current.state().terminal()) {
				return current;
			}
			Instant now = Instant.now();
			long serverSeconds = Math.max(current.serverSeconds(),
					report.serverSeconds() != null ? report.serverSeconds() : 0);
			this.jdbc.sql("""
					update meeting_bots set state = ?, detail = ?, server_seconds = ?, updated_at = ?,
					    finished_at = ?, recorder_token_sha256 = case when ? then null else recorder_token_sha256 end
					where id = ?""")
				.params(state.name(), report.detail(), serverSeconds, ts(now), state.terminal() ? ts(now) : null,
						state.terminal(), botId)
				.update();
			return lock(botId).orElseThrow();
		});
		if (row.state().terminal()) {
			assemble(row);
		}
		return view(botId).orElseThrow();
	}

	private static BotState stateOf(BotStateReport report) {
		if (report.state() == null) {
			throw ApiException.badRequest("validation-failed", "state: must not be null");
		}
		if (report.serverSeconds() != null && report.serverSeconds() < 0) {
			throw ApiException.badRequest("validation-failed", "serverSeconds: must be greater than or equal to 0");
		}
		try {
			return BotState.valueOf(report.state().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("validation-failed", "Unknown bot state " + report.state());
		}
	}

	Optional<RecorderPrincipal> authenticate(String token) {
		if (token == null || !token.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, meeting_id, organisation_id from meeting_bots
				where recorder_token_sha256 = ? and recorder_token_expires_at > ?
				  and state not in ('DONE', 'FAILED')""")
			.params(sha256(token), ts(Instant.now()))
			.query((rs, n) -> new RecorderPrincipal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.optional();
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
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("""
					insert into meeting_bot_chunks (bot_id, sequence, object_key, created_at) values (?, ?, ?, ?)
					on conflict do nothing""").params(recorder.botId(), sequence, key, ts(Instant.now())).update();
			this.jdbc.sql("""
					update meeting_bots set chunk_count = (select count(*) from meeting_bot_chunks where bot_id = ?)
					where id = ?""").params(recorder.botId(), recorder.botId()).update();
		});
		Duration ttl = this.properties.chunkUrlTtl();
		return new ChunkUrl(sequence, this.store.presignPut(key, ttl), Instant.now().plus(ttl));
	}

	/**
	 * Joins the chunks into a WAV recording and starts processing, or frees the meeting
	 * for another recording when nothing arrived. Runs again on a repeated report until
	 * the meeting has left {@code UPLOADING}, so a crash half way does not strand the
	 * meeting.
	 */
	private void assemble(Row bot) {
		Meeting meeting = this.meetingRepository.findById(bot.meetingId()).orElse(null);
		if (meeting == null || meeting.getState() != MeetingState.UPLOADING) {
			return;
		}
		List<String> keys = this.jdbc
			.sql("select object_key from meeting_bot_chunks where bot_id = ? order by sequence")
			.param(bot.id())
			.query(String.class)
			.list()
			.stream()
			.filter(this.store::exists)
			.toList();
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
			long dataBytes = 0;
			try (OutputStream out = Files.newOutputStream(wav)) {
				out.write(new byte[44]);
				for (String key : keys) {
					byte[] chunk = this.store.getBytes(key);
					// the recorder wrote it through a presigned URL: its bytes are known
					// only now
					this.store.countClientUpload(chunk.length);
					// a chunk cut in the middle of a sample would shift every later
					// sample by a byte
					int usable = chunk.length - (chunk.length % 2);
					out.write(chunk, 0, usable);
					dataBytes += usable;
				}
			}
			writeWavHeader(wav, dataBytes);
			String key = StorageKeys.recording(bot.organisationId(), bot.meetingId());
			this.store.putFile(key, wav, "audio/wav");
			long size = Files.size(wav);
			double duration = dataBytes / (2.0 * SAMPLE_RATE);
			this.transactions.executeWithoutResult(status -> {
				Meeting locked = this.meetingRepository.lockById(bot.meetingId()).orElseThrow();
				if (locked.getState() != MeetingState.UPLOADING) {
					return;
				}
				locked.uploaded(key, "bot-recording.wav", "audio/wav", size, null, duration);
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

	private static void writeWavHeader(Path wav, long dataBytes) throws IOException {
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
		header.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
		header.putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2);
		header.putShort((short) 2).putShort((short) 16);
		header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
		try (var channel = java.nio.channels.FileChannel.open(wav, java.nio.file.StandardOpenOption.WRITE)) {
			channel.write(header.flip(), 0);
		}
	}

	Optional<BotView> view(UUID botId) {
		return this.jdbc.sql("""
				select id, meeting_id, url, platform, state, detail, join_at, max_duration_seconds, server_seconds,
				       chunk_count, created_at, updated_at, finished_at
				from meeting_bots where id = ?""")
			.param(botId)
			.query((rs, n) -> new BotView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), rs.getLong(8),
					rs.getLong(9), rs.getInt(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
					instant(rs.getTimestamp(13))))
			.optional();
	}

	private Optional<Row> lock(UUID botId) {
		return this.jdbc.sql("""
				select id, meeting_id, organisation_id, state, join_at, max_duration_seconds, server_seconds
				from meeting_bots where id = ? for update""")
			.param(botId)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), BotState.valueOf(rs.getString(4)), instant(rs.getTimestamp(5)),
					rs.getLong(6), rs.getLong(7)))
			.optional();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Row(UUID id, UUID meetingId, UUID organisationId, BotState state, Instant joinAt,
			long maxDurationSeconds, long serverSeconds) {
	}

	/** The recorder of one bot, as its token identifies it. */
	record RecorderPrincipal(UUID botId, UUID meetingId, UUID organisationId) {
	}

}
