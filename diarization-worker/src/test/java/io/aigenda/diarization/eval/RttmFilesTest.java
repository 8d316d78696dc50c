package io.aigenda.diarization.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.aigenda.contracts.SpeakerTurn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class RttmFilesTest {

	private static final Path SHARED = Path.of(System.getProperty("aigenda.shared"), "eval-dev/diarization");

	@Test
	void amiReferenceAndUemAreReadPerFile() {
		Map<String, List<SpeakerTurn>> turns = RttmFiles.read(SHARED.resolve("ami_dev/debug.development.rttm"));
		assertThat(turns).containsOnlyKeys("dev00", "dev01");
		assertThat(turns.get("dev00")).hasSize(9);
		assertThat(turns.get("dev00").get(0).start()).isEqualTo(1.44, offset(1e-9));
		assertThat(turns.get("dev00").get(0).end()).isEqualTo(13.312, offset(1e-9));
		assertThat(turns.get("dev00").get(0).speaker()).isEqualTo("MEE009");
		Map<String, List<TimeSpan>> uem = RttmFiles.readUem(SHARED.resolve("ami_dev/debug.development.uem"));
		assertThat(uem.get("dev01")).containsExactly(new TimeSpan(0, 30));
	}

	@Test
	void writtenTurnsReadBackTheSame(@TempDir Path dir) {
		List<SpeakerTurn> turns = List.of(new SpeakerTurn(0.5, 2.25, "S1"), new SpeakerTurn(2.0, 3.125, "S2"));
		Path file = dir.resolve("meeting.rttm");
		RttmFiles.write(file, "meeting", turns);
		assertThat(RttmFiles.read(file)).containsOnlyKeys("meeting");
		List<SpeakerTurn> read = RttmFiles.read(file).get("meeting");
		assertThat(read).hasSize(2);
		for (int i = 0; i < turns.size(); i++) {
			assertThat(read.get(i).start()).isEqualTo(turns.get(i).start(), offset(1e-6));
			assertThat(read.get(i).end()).isEqualTo(turns.get(i).end(), offset(1e-6));
			assertThat(read.get(i).speaker()).isEqualTo(turns.get(i).speaker());
		}
	}

}
