package io.aigenda.mlcontroller.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.Passage;
import io.aigenda.mlcontroller.vector.VectorCollection;
import io.aigenda.mlcontroller.vector.VectorMatch;
import io.aigenda.mlcontroller.vector.VectorPoint;
import io.aigenda.mlcontroller.vector.VectorStore;

/**
 * Semantic search over the organisation's meetings: each meeting's sentences (with times
 * and speaker) are embedded into the vector store's text-chunk collection under the
 * organisation, and questions are answered from the nearest passages. Every call is
 * scoped by the organisation; the vector store enforces it.
 */
public class MeetingSearch {

	static final String MEETING = "meeting_id";

	private static final int MAX_CANDIDATES = 500;

	private final VectorStore store;

	private final TextEmbedder embedder;

	private final TextChunker chunker;

	/** The answer when nothing in the meeting is close enough to the question. */
	public static final String NOTHING = "Nothing in this meeting answers that.";

	private final double minScore;

	private final double lexicalWeight;

	private final double answerScore;

	public MeetingSearch(VectorStore store, TextEmbedder embedder, SearchProperties properties) {
		this.store = store;
		this.embedder = embedder;
		this.chunker = new TextChunker(properties.chunkWords());
		this.minScore = properties.minScore();
		this.lexicalWeight = properties.lexicalWeight();
		this.answerScore = properties.answerScore();
	}

	/**
	 * Replaces the meeting's passages in the index; the same meeting indexed twice leaves
	 * the same points (ids derive from the meeting and the passage's position).
	 * @return the number of passages indexed
	 */
	public int index(UUID organisationId, UUID meetingId, MeetingTranscript transcript, Minutes minutes) {
		List<TextChunk> chunks = this.chunker.chunks(transcript, minutes);
		this.store.deleteWhere(VectorCollection.TEXT_CHUNKS, organisationId, MEETING, meetingId.toString());
		if (chunks.isEmpty()) {
			return 0;
		}
		List<float[]> vectors = this.embedder.passages(chunks.stream().map(TextChunk::text).toList());
		List<VectorPoint> points = new ArrayList<>();
		for (int i = 0; i < chunks.size(); i++) {
			TextChunk chunk = chunks.get(i);
			Map<String, String> payload = new HashMap<>();
			payload.put(MEETING, meetingId.toString());
			payload.put("start", Double.toString(chunk.start()));
			payload.put("end", Double.toString(chunk.end()));
			payload.put("speakers", String.join(",", chunk.speakers()));
			if (chunk.topic() != null) {
				payload.put("topic", chunk.topic());
			}
			payload.put("text", chunk.text());
			UUID id = UUID.nameUUIDFromBytes((meetingId + "/" + i).getBytes(StandardCharsets.UTF_8));
			points.add(new VectorPoint(id, vectors.get(i), payload));
		}
		this.store.upsert(VectorCollection.TEXT_CHUNKS, organisationId, points);
		return points.size();
	}

	/**
	 * The sentences of all the organisation's meetings nearest to the query, best first:
	 * cosine similarity of the sentence encoder plus the weighted share of the query's
	 * words the sentence contains.
	 */
	public List<Passage> search(UUID organisationId, String query, int limit) {
		return ranked(organisationId, query, null).stream().limit(limit).toList();
	}

	/**
	 * The best sentences of one meeting as the answer, each cited with its time and
	 * speaker; when the best is below the calibrated score, nothing answers.
	 */
	public Answer ask(UUID organisationId, UUID meetingId, String question, int limit) {
		List<Passage> passages = ranked(organisationId, question, meetingId).stream().limit(limit).toList();
		if (passages.isEmpty() || passages.get(0).score() < this.answerScore) {
			return new Answer(NOTHING, "passages", List.of(), false);
		}
		StringBuilder answer = new StringBuilder();
		for (Passage passage : passages) {
			if (!answer.isEmpty()) {
				answer.append("\n\n");
			}
			answer.append('[').append(clock(passage.start())).append("] ").append(passage.text());
		}
		return new Answer(answer.toString(), "passages", passages, true);
	}

	private List<Passage> ranked(UUID organisationId, String query, UUID meetingId) {
		return this.store
			.search(VectorCollection.TEXT_CHUNKS, organisationId, this.embedder.query(query), MAX_CANDIDATES,
					this.minScore)
			.stream()
			.filter(m -> meetingId == null || meetingId.toString().equals(m.payload().get(MEETING)))
			.map(m -> passage(m,
					m.score() + this.lexicalWeight * LexicalOverlap.score(query, m.payload().getOrDefault("text", ""))))
			.sorted(Comparator.comparingDouble(Passage::score).reversed())
			.toList();
	}

	public void forget(UUID organisationId, UUID meetingId) {
		this.store.deleteWhere(VectorCollection.TEXT_CHUNKS, organisationId, MEETING, meetingId.toString());
	}

	private static Passage passage(VectorMatch match, double score) {
		Map<String, String> payload = match.payload();
		String speakers = payload.getOrDefault("speakers", "");
		return new Passage(UUID.fromString(payload.get(MEETING)),
				Double.parseDouble(payload.getOrDefault("start", "0")),
				Double.parseDouble(payload.getOrDefault("end", "0")),
				speakers.isEmpty() ? List.of() : Arrays.asList(speakers.split(",")), payload.get("topic"),
				payload.getOrDefault("text", ""), score);
	}

	static String clock(double seconds) {
		long total = Math.max(0, Math.round(seconds));
		return total >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
				: String.format(Locale.ROOT, "%02d:%02d", total / 60, total % 60);
	}

}
