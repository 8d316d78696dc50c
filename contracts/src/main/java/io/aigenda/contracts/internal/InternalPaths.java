package io.aigenda.contracts.internal;

/**
 * Every path of the services' synchronous API to one another, in one place: the servers'
 * mappings and {@link InternalApiClient} both use these constants, so a path cannot drift
 * between caller and callee. {@code {name}} is a path variable.
 */
public final class InternalPaths {

	/** The backend's endpoints for other services; only the service token opens them. */
	public static final String BACKEND_INTERNAL = "/api/v1/internal";

	/** Presigned URLs of one meeting's objects ({@link ArtifactUrlsRequest}). */
	public static final String MEETING_ARTIFACT_URLS = BACKEND_INTERNAL + "/meetings/{meetingId}/artifact-urls";

	/** Presigned URLs of one voiceprint enrolment's objects. */
	public static final String VOICEPRINT_ARTIFACT_URLS = BACKEND_INTERNAL
			+ "/voiceprints/{voiceprintId}/artifact-urls";

	/** A bot ({@link BotStatus}). */
	public static final String BOT = BACKEND_INTERNAL + "/bots/{botId}";

	/** A new recorder token for a bot ({@link RecorderToken}). */
	public static final String BOT_RECORDER_TOKEN = BOT + "/recorder-token";

	/** The meeting-controller's report of a bot's state ({@link BotStateReport}). */
	public static final String BOT_STATE = BOT + "/state";

	/**
	 * The recorder's endpoints, on the backend and on the meeting-controller; only a
	 * recorder token opens them.
	 */
	public static final String RECORDER = "/api/v1/recorder";

	/** On the backend: which bot the recorder token belongs to ({@link BotStatus}). */
	public static final String RECORDER_BOT = RECORDER + "/bot";

	/** On the backend: an upload URL for one audio chunk ({@link ChunkUrl}). */
	public static final String RECORDER_CHUNK = RECORDER + "/chunks/{sequence}";

	/** On the meeting-controller: a recorder's {@link Heartbeat}. */
	public static final String RECORDER_HEARTBEAT = RECORDER + "/heartbeat";

	/**
	 * On the ml-controller: passages of an organisation's meetings nearest to a query
	 * ({@link #ORGANISATION_ID}, {@link #QUERY}, {@link #LIMIT}; a list of
	 * {@link Passage}).
	 */
	public static final String SEARCH = "/internal/search";

	/** On the ml-controller: a question about one meeting (the same parameters). */
	public static final String ASK = "/internal/meetings/{meetingId}/ask";

	/** Query parameter of {@link #SEARCH} and {@link #ASK}: the caller's organisation. */
	public static final String ORGANISATION_ID = "organisationId";

	/** Query parameter of {@link #SEARCH} and {@link #ASK}: the query or question. */
	public static final String QUERY = "q";

	/** Query parameter of {@link #SEARCH} and {@link #ASK}: how many passages at most. */
	public static final String LIMIT = "limit";

	private InternalPaths() {
	}

}
