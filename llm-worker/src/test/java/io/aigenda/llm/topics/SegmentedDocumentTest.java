package io.aigenda.llm.topics;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentedDocumentTest {

	@Test
	void qmsumTopicStartsAfterTheFirstAreTheReference() {
		SegmentedDocument meeting = SegmentedDocument.readQmsum(Meetings.QMSUM);

		assertThat(meeting.name()).isEqualTo("ES2004a");
		assertThat(meeting.utterances()).hasSize(320);
		assertThat(meeting.utterances().get(0).speaker()).isEqualTo("User Interface");
		// topic spans 12-130, 131-171, 173-311
		assertThat(meeting.reference()).containsExactly(131, 173);
	}

	@Test
	void choiSeparatorsMarkSegmentStarts(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("3-5.ref");
		Files.writeString(file, """
				==========
				First sentence .
				Second sentence .
				==========
				Third sentence .
				==========
				Fourth sentence .
				Fifth sentence .
				==========
				""");
		SegmentedDocument document = SegmentedDocument.readChoi(file);

		assertThat(document.name()).isEqualTo("3-5");
		assertThat(document.utterances()).hasSize(5).allSatisfy(u -> assertThat(u.speaker()).isNull());
		assertThat(document.reference()).containsExactly(2, 3);
	}

}
