package io.aigenda.diarization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.audio.Audio;
import io.aigenda.audio.AudioDecoders;
import io.aigenda.contracts.SpeakerTurn;
import io.aigenda.diarization.eval.RttmFiles;
import io.aigenda.diarization.kaldi.IvectorExtractor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled Kaldi i-vector extractor, loaded from the jar and run on real two-speaker
 * audio.
 */
class IvectorEmbedderTest {

	private static final Path SAMPLE = Path.of(System.getProperty("aigenda.shared", "../shared"),
			"eval-dev/diarization/pyannote_sample");

	@Test
	void bundledExtractorLoadsAndAnEmptyStretchIsThePriorMean() {
		IvectorExtractor extractor = IvectorExtractor
			.load(name -> IvectorEmbedder.class.getResourceAsStream(IvectorEmbedder.RESOURCE_FOLDER + name), 1.0);
		assertThat(extractor.dimension()).isEqualTo(30);
		IvectorExtractor.Frames frames = extractor.frames(new float[16_000]);
		assertThat(frames.length()).isEqualTo(98);
		// no statistics: the posterior mean is the prior's, which is zero once the offset
		// is removed
		assertThat(extractor.ivector(frames, 0, 0)).containsOnly(0.0);
	}

	@Test
	void windowsOfOneSpeakerAreCloserThanWindowsOfTwo() {
		Audio audio = AudioDecoders.detect().decode(SAMPLE.resolve("sample.wav"));
		List<SpeakerTurn> reference = RttmFiles.read(SAMPLE.resolve("sample.rttm")).get("sample");
		List<SpeakerSegmenter.Window> windows = new ArrayList<>();
		List<String> speakers = new ArrayList<>();
		for (SpeakerTurn turn : reference) {
			for (double start = turn.start(); start + 1.5 <= turn.end(); start += 1.5) {
				windows.add(new SpeakerSegmenter.Window(start, start + 1.5, turn.start(), turn.end()));
				speakers.add(turn.speaker());
			}
		}
		float[][] embeddings = IvectorEmbedder.bundled(1.0).embed(audio, windows);

		double same = 0;
		double different = 0;
		int sameCount = 0;
		int differentCount = 0;
		for (int i = 0; i < windows.size(); i++) {
			for (int j = i + 1; j < windows.size(); j++) {
				double cosine = 0;
				for (int d = 0; d < embeddings[i].length; d++) {
					cosine += embeddings[i][d] * embeddings[j][d];
				}
				if (speakers.get(i).equals(speakers.get(j))) {
					same += cosine;
					sameCount++;
				}
				else {
					different += cosine;
					differentCount++;
				}
			}
		}
		assertThat(sameCount).isPositive();
		assertThat(differentCount).isPositive();
		assertThat(same / sameCount).isGreaterThan(different / differentCount + 0.2);
	}

}
