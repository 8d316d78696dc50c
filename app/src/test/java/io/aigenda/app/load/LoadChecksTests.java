package io.aigenda.app.load;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How a load run tells a duplicated transcript and reads a remote heap. */
class LoadChecksTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aTranscriptStoredTwiceShowsItsWordsAgain() {
		String once = "[{\"start\":0.5,\"end\":0.9,\"text\":\"and\"},{\"start\":1.0,\"end\":1.4,\"text\":\"so\"},"
				+ "{\"start\":1.0,\"end\":1.2,\"text\":\"my\"}]";
		String twice = "[{\"start\":0.5,\"end\":0.9,\"text\":\"and\"},{\"start\":1.0,\"end\":1.4,\"text\":\"so\"},"
				+ "{\"start\":0.5,\"end\":0.9,\"text\":\"and\"},{\"start\":1.0,\"end\":1.4,\"text\":\"so\"}]";
		String sameWordAgain = "[{\"start\":0.5,\"end\":0.9,\"text\":\"and\"},{\"start\":0.5,\"end\":0.9,\"text\":\"and\"}]";
		assertThat(LoadDriver.repeatsWords(JSON.readTree(once))).isFalse();
		assertThat(LoadDriver.repeatsWords(JSON.readTree("[]"))).isFalse();
		assertThat(LoadDriver.repeatsWords(JSON.readTree(twice))).isTrue();
		assertThat(LoadDriver.repeatsWords(JSON.readTree(sameWordAgain))).isTrue();
	}

	@Test
	void theRemoteHeapIsTheSumOfTheHeapPoolsInThePrometheusText() {
		String scrape = """
				# HELP jvm_memory_used_bytes The amount of used memory
				# TYPE jvm_memory_used_bytes gauge
				jvm_memory_used_bytes{application="backend",area="heap",id="G1 Eden Space"} 1.048576E7
				jvm_memory_used_bytes{application="backend",area="heap",id="G1 Old Gen"} 2.097152E7
				jvm_memory_used_bytes{application="backend",area="nonheap",id="Metaspace"} 9.9E7
				jvm_memory_max_bytes{application="backend",area="heap",id="G1 Old Gen"} 3.0E9
				""";
		assertThat(HeapGauge.heapFromPrometheus(scrape)).isEqualTo(31_457_280L);
		assertThat(HeapGauge.heapFromPrometheus("# nothing here\n")).isEqualTo(-1);
	}

	@Test
	void theHeapOfThisJvmIsReadFromItsMemoryPools() {
		long used = HeapGauge.inProcess().usedBytes();
		assertThat(used).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
	}

}
