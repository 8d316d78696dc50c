package io.aigenda.mlcontroller.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.aigenda.contracts.Language;
import io.aigenda.contracts.MeetingTranscript;
import io.aigenda.contracts.Minutes;
import io.aigenda.contracts.Word;
import io.aigenda.contracts.internal.Answer;
import io.aigenda.contracts.internal.Passage;
import io.aigenda.mlcontroller.PyannoteSample;
import io.aigenda.mlcontroller.vector.LuceneVectorStore;
import io.aigenda.mlcontroller.vector.VectorCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The real embedded vector store and the real built-in sentence encoder. */
class MeetingSearchTest {

	private static TextEmbedder embedder;

	@TempDir
	Path folder;

	private LuceneVectorStore store;

	private MeetingSearch search;

	private final UUID orgA = UUID.randomUUID();

	private final UUID orgB = UUID.randomUUID();

	private final UUID budgetMeeting = UUID.randomUUID();

	private final UUID designMeeting = UUID.randomUUID();

	@BeforeAll
	static void encoder() {
		embedder = new TextEmbedder(SearchProperties.defaults());
	}

	@BeforeEach
	void start() {
		this.store = new LuceneVectorStore(this.folder);
		this.search = new MeetingSearch(this.store, embedder,
				new SearchProperties(true, "", "", "", 30, 0.0, 0.3, 0.49));
		this.search.index(this.orgA, this.budgetMeeting, budget(), minutes("Budget", "Hiring"));
		this.search.index(this.orgB, this.designMeeting, design(), null);
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	static MeetingTranscript meeting(String... lines) {
		List<Word> words = new ArrayList<>();
		double time = 0;
		for (int i = 0; i < lines.length; i++) {
			for (String token : lines[i].split(" ")) {
				words.add(new Word(time, time + 0.4, token, 0.9, "S" + (i % 2 + 1)));
				time += 0.5;
			}
			time += 1;
		}
		return new MeetingTranscript(Language.EN, time, List.of("S1", "S2"), words, List.of());
	}

	static MeetingTranscript budget() {
		return meeting("The budget for the next quarter is forty thousand euros.",
				"Finance wants every supplier invoice by Monday, otherwise the costs go to our department.",
				"We spent most of the money on software licences this year.",
				"Now about hiring: we need two more backend developers before the summer.",
				"I will publish the job offer for the developers on Wednesday.");
	}

	static MeetingTranscript design() {
		return meeting("The new login screen puts the menu on the left and the search field at the top.",
				"Users could not find the settings icon, so it should be larger and darker blue.",
				"The animation on the cards should be shorter on small phones.");
	}

	/** Two topics: the first three lines, then the last two (which start at 30.5 s). */
	static Minutes minutes(String first, String second) {
		double secondStart = budget().words()
			.stream()
			.filter(w -> w.text().equals("Now"))
			.findFirst()
			.orElseThrow()
			.start();
		return new Minutes(Language.EN, "extractive", "", List.of(new Minutes.Topic(first, 0, secondStart - 1, null),
				new Minutes.Topic(second, secondStart, 60, null)), List.of(), List.of(), List.of());
	}

	@Test
	void passagesAreSentencesWithinTopicBlocksWithTimesAndSpeaker() {
		List<TextChunk> chunks = new TextChunker(30).chunks(budget(), minutes("Budget", "Hiring"));

		assertThat(chunks).hasSize(5);
		assertThat(chunks).extracting(TextChunk::topic)
			.containsExactly("Budget", "Budget", "Budget", "Hiring", "Hiring");
		assertThat(chunks.get(0).speakers()).containsExactly("S1");
		assertThat(chunks.get(0).text()).isEqualTo("The budget for the next quarter is forty thousand euros.");
		assertThat(chunks.get(1).speakers()).containsExactly("S2");
		assertThat(chunks.get(1).start()).isGreaterThan(chunks.get(0).end());
		// without punctuation, a long run of words is cut after at most 5
		assertThat(new TextChunker(5).chunks(budget(), null)).hasSizeGreaterThan(10)
			.allSatisfy(c -> assertThat(c.text().split("\\s+").length).isLessThanOrEqualTo(5));
	}

	@Test
	void askFindsTheSentenceOfTheDevMeetingThatAnswersWithItsTimeAndSpeaker() {
		UUID call = UUID.randomUUID();
		MeetingSearch defaults = new MeetingSearch(this.store, embedder, SearchProperties.defaults());
		defaults.index(this.orgA, call, sampleAsAsrHearsIt(), null);

		Answer answer = defaults.ask(this.orgA, call, "Where is Sheila from?", 3);

		assertThat(answer.found()).isTrue();
		assertThat(answer.citations()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		Passage best = answer.citations().get(0);
		assertThat(best.text()).isEqualTo("and i'm sheila in texas originally from chicago");
		assertThat(best.start()).isCloseTo(14.444, org.assertj.core.data.Offset.offset(0.01));
		assertThat(best.speakers()).containsExactly("S2");
		assertThat(answer.answer()).startsWith("[00:14] and i'm sheila in texas");
	}

	@Test
	void askSaysNothingAnswersAQuestionTheDevMeetingDoesNotAnswer() {
		UUID call = UUID.randomUUID();
		MeetingSearch defaults = new MeetingSearch(this.store, embedder, SearchProperties.defaults());
		defaults.index(this.orgA, call, sampleAsAsrHearsIt(), null);

		Answer answer = defaults.ask(this.orgA, call, "What did they decide about the budget?", 3);

		assertThat(answer.found()).isFalse();
		assertThat(answer.answer()).isEqualTo("Nothing in this meeting answers that.");
		assertThat(answer.citations()).isEmpty();
	}

	/**
	 * The dev call's reference words as an ASR gives them: lower case, no punctuation,
	 * speakers as diarization labels.
	 */
	static MeetingTranscript sampleAsAsrHearsIt() {
		List<Word> words = PyannoteSample.referenceWords()
			.stream()
			.map(w -> new Word(w.start(), w.end(), w.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']", ""),
					w.confidence(), w.speaker().equals("Diane") ? "S1" : "S2"))
			.toList();
		return new MeetingTranscript(Language.EN, PyannoteSample.DURATION, List.of("S1", "S2"), words, List.of());
	}

	@Test
	void searchFindsTheRightPassageWithinTheOrganisationOnly() {
		List<Passage> hits = this.search.search(this.orgA, "When are supplier invoices due?", 5);

		assertThat(hits).isNotEmpty().allSatisfy(p -> assertThat(p.meetingId()).isEqualTo(this.budgetMeeting));
		assertThat(hits.get(0).topic()).isEqualTo("Budget");
		assertThat(hits.get(0).text()).contains("invoice");

		// organisation B holds only the design meeting: the budget meeting never shows up
		// there
		List<Passage> other = this.search.search(this.orgB, "When are supplier invoices due?", 5);
		assertThat(other).allSatisfy(p -> assertThat(p.meetingId()).isEqualTo(this.designMeeting));
		assertThat(this.search.ask(this.orgB, this.budgetMeeting, "What is the budget?", 3).citations()).isEmpty();
	}

	@Test
	void askAnswersFromTheMeetingWithTimedCitations() {
		Answer answer = this.search.ask(this.orgA, this.budgetMeeting, "Who will publish the job offer?", 1);

		assertThat(answer.method()).isEqualTo("passages");
		assertThat(answer.citations()).singleElement().satisfies(p -> {
			assertThat(p.topic()).isEqualTo("Hiring");
			assertThat(p.speakers()).contains("S1");
			assertThat(p.start()).isGreaterThan(20);
		});
		assertThat(answer.answer()).startsWith("[00:").contains("job offer");
	}

	@Test
	void indexingAgainReplacesTheMeetingsPassages() {
		int before = this.store.list(VectorCollection.TEXT_CHUNKS, this.orgA).size();
		int indexed = this.search.index(this.orgA, this.budgetMeeting, budget(), minutes("Budget", "Hiring"));

		assertThat(this.store.list(VectorCollection.TEXT_CHUNKS, this.orgA)).hasSize(before).hasSize(indexed);
		this.search.forget(this.orgA, this.budgetMeeting);
		assertThat(this.store.list(VectorCollection.TEXT_CHUNKS, this.orgA)).isEmpty();
		assertThat(this.store.list(VectorCollection.TEXT_CHUNKS, this.orgB)).isNotEmpty();
	}

	@Test
	void clockFormatsTimes() {
		assertThat(MeetingSearch.clock(65.4)).isEqualTo("01:05");
		assertThat(MeetingSearch.clock(3725)).isEqualTo("1:02:05");
	}

}
