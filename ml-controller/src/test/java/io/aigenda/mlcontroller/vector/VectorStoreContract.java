package io.aigenda.mlcontroller.vector;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** What every {@link VectorStore} adapter must do; each adapter's test extends this. */
abstract class VectorStoreContract {

	private static final int DIM = 16;

	private final Random random = new Random(7);

	private final UUID orgA = UUID.randomUUID();

	private final UUID orgB = UUID.randomUUID();

	VectorStore store;

	abstract VectorStore openStore() throws Exception;

	/** Opens the same store again (after close), to check that writes survived. */
	abstract VectorStore reopenStore() throws Exception;

	@BeforeEach
	void open() throws Exception {
		this.store = openStore();
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void searchFindsTheNearestPointsBestFirstWithCosineScores() {
		float[] anna = randomVector();
		float[] boris = randomVector();
		UUID annaId = UUID.randomUUID();
		UUID borisId = UUID.randomUUID();
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(annaId, anna, Map.of("name", "Anna")),
						new VectorPoint(borisId, boris, Map.of("name", "Boris"))));

		float[] query = near(anna, 0.1f);
		List<VectorMatch> matches = this.store.search(VectorCollection.VOICEPRINTS, this.orgA, query, 2, -1);

		assertThat(matches).extracting(VectorMatch::id).containsExactly(annaId, borisId);
		assertThat(matches.get(0).payload()).containsEntry("name", "Anna");
		assertThat(matches.get(0).score()).isCloseTo(cosine(query, anna), within(1e-4));
		assertThat(matches.get(1).score()).isCloseTo(cosine(query, boris), within(1e-4));
	}

	@Test
	void minScoreDropsWeakMatches() {
		float[] anna = randomVector();
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(UUID.randomUUID(), anna, Map.of())));
		float[] opposite = anna.clone();
		for (int i = 0; i < opposite.length; i++) {
			opposite[i] = -opposite[i];
		}
		assertThat(this.store.search(VectorCollection.VOICEPRINTS, this.orgA, opposite, 5, 0.5)).isEmpty();
		assertThat(this.store.search(VectorCollection.VOICEPRINTS, this.orgA, anna, 5, 0.99)).hasSize(1);
	}

	@Test
	void anOrganisationNeverSeesOrTouchesAnotherOrganisationsPoints() {
		float[] vector = randomVector();
		UUID id = UUID.randomUUID();
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA, List.of(new VectorPoint(id, vector, Map.of())));

		assertThat(this.store.search(VectorCollection.VOICEPRINTS, this.orgB, vector, 10, -1)).isEmpty();
		assertThat(this.store.list(VectorCollection.VOICEPRINTS, this.orgB)).isEmpty();
		assertThat(this.store.get(VectorCollection.VOICEPRINTS, this.orgB, id)).isEmpty();
		assertThat(this.store.delete(VectorCollection.VOICEPRINTS, this.orgB, id)).isFalse();
		assertThat(this.store.get(VectorCollection.VOICEPRINTS, this.orgA, id)).isPresent();
	}

	@Test
	void collectionsAreSeparate() {
		float[] vector = randomVector();
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(UUID.randomUUID(), vector, Map.of())));
		assertThat(this.store.search(VectorCollection.TEXT_CHUNKS, this.orgA, vector, 10, -1)).isEmpty();
		assertThat(this.store.list(VectorCollection.TEXT_CHUNKS, this.orgA)).isEmpty();
	}

	@Test
	void upsertReplacesThePointWithTheSameId() {
		UUID id = UUID.randomUUID();
		float[] second = randomVector();
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(id, randomVector(), Map.of("name", "Anna"))));
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(id, second, Map.of("name", "Anna K."))));

		List<VectorPoint> all = this.store.list(VectorCollection.VOICEPRINTS, this.orgA);
		assertThat(all).hasSize(1);
		assertThat(all.get(0).payload()).isEqualTo(Map.of("name", "Anna K."));
		assertThat(cosine(all.get(0).vector(), second)).isCloseTo(1.0, within(1e-5));
	}

	@Test
	void deleteRemovesOnePointAndDeleteWhereRemovesByPayload() {
		UUID keep = UUID.randomUUID();
		UUID gone = UUID.randomUUID();
		this.store.upsert(VectorCollection.TEXT_CHUNKS, this.orgA,
				List.of(new VectorPoint(keep, randomVector(), Map.of("meeting_id", "m1")),
						new VectorPoint(gone, randomVector(), Map.of("meeting_id", "m2")),
						new VectorPoint(UUID.randomUUID(), randomVector(), Map.of("meeting_id", "m2"))));
		this.store.upsert(VectorCollection.TEXT_CHUNKS, this.orgB,
				List.of(new VectorPoint(UUID.randomUUID(), randomVector(), Map.of("meeting_id", "m2"))));

		assertThat(this.store.delete(VectorCollection.TEXT_CHUNKS, this.orgA, gone)).isTrue();
		assertThat(this.store.delete(VectorCollection.TEXT_CHUNKS, this.orgA, gone)).isFalse();
		this.store.deleteWhere(VectorCollection.TEXT_CHUNKS, this.orgA, "meeting_id", "m2");

		assertThat(this.store.list(VectorCollection.TEXT_CHUNKS, this.orgA)).extracting(VectorPoint::id)
			.containsExactly(keep);
		assertThat(this.store.list(VectorCollection.TEXT_CHUNKS, this.orgB)).hasSize(1);
	}

	@Test
	void writesSurviveAReopen() throws Exception {
		UUID id = UUID.randomUUID();
		float[] vector = randomVector();
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(id, vector, Map.of("name", "Anna"))));
		this.store.close();
		this.store = reopenStore();

		assertThat(this.store.search(VectorCollection.VOICEPRINTS, this.orgA, vector, 1, 0.99))
			.extracting(VectorMatch::id)
			.containsExactly(id);
	}

	@Test
	void vectorsOfAnotherDimensionAreRefused() {
		this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(UUID.randomUUID(), randomVector(), Map.of())));
		assertThatThrownBy(() -> this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(UUID.randomUUID(), new float[] { 1, 2, 3 }, Map.of()))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.store.upsert(VectorCollection.VOICEPRINTS, this.orgA,
				List.of(new VectorPoint(UUID.randomUUID(), new float[DIM], Map.of()))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void searchingAnEmptyCollectionFindsNothing() {
		assertThat(this.store.search(VectorCollection.TEXT_CHUNKS, this.orgA, randomVector(), 3, -1)).isEmpty();
		assertThat(this.store.get(VectorCollection.TEXT_CHUNKS, this.orgA, UUID.randomUUID())).isEmpty();
	}

	private float[] randomVector() {
		float[] v = new float[DIM];
		for (int i = 0; i < DIM; i++) {
			v[i] = (float) this.random.nextGaussian();
		}
		return v;
	}

	private float[] near(float[] base, float noise) {
		float[] v = base.clone();
		for (int i = 0; i < v.length; i++) {
			v[i] += (float) (this.random.nextGaussian() * noise);
		}
		return v;
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return dot / Math.sqrt(na * nb);
	}

}
