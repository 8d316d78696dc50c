package io.aigenda.backend.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a meeting's objects live. Every key starts with its organisation, so tenants
 * never share a prefix.
 */
public final class StorageKeys {

	public static final String RECORDING = "recording";

	public static final String TRANSCRIPT = "transcript.json";

	public static final String MINUTES = "minutes.json";

	/** The audio a voiceprint was enrolled from. */
	public static final String CLIP = "clip";

	private static final Pattern ARTIFACT_NAME = Pattern.compile("[a-z0-9.\\-]+\\.json");

	private StorageKeys() {
	}

	public static String meetingPrefix(UUID organisationId, UUID meetingId) {
		return "orgs/" + organisationId + "/meetings/" + meetingId + "/";
	}

	public static String recording(UUID organisationId, UUID meetingId) {
		return meetingPrefix(organisationId, meetingId) + RECORDING;
	}

	public static String artifact(UUID organisationId, UUID meetingId, String name) {
		return meetingPrefix(organisationId, meetingId) + "artifacts/" + name;
	}

	/** A JSON artifact with a plain name. */
	public static boolean isArtifactName(String name) {
		return name != null && ARTIFACT_NAME.matcher(name).matches() && !name.contains("..") && !name.startsWith(".");
	}

	public static String voiceprintPrefix(UUID organisationId, UUID voiceprintId) {
		return "orgs/" + organisationId + "/voiceprints/" + voiceprintId + "/";
	}

	/**
	 * Full key of a voiceprint's {@link #CLIP} or of a JSON artifact of its enrolment.
	 */
	public static String voiceprintKeyOf(UUID organisationId, UUID voiceprintId, String name) {
		return voiceprintPrefix(organisationId, voiceprintId) + (CLIP.equals(name) ? CLIP : "artifacts/" + name);
	}

	/** Full key of a name as the artifact-urls endpoint understands it. */
	public static String keyOf(UUID organisationId, UUID meetingId, String name) {
		return RECORDING.equals(name) ? recording(organisationId, meetingId)
				: artifact(organisationId, meetingId, name);
	}

}
