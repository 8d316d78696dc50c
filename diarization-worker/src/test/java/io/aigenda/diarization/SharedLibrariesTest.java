package io.aigenda.diarization;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the dynamic loader looks, on this machine: a C library, and no CUDA. */
class SharedLibrariesTest {

	@Test
	void namesTheLibrariesTheLoaderWouldNotFind() {
		assertThat(SharedLibraries.missing(List.of("libc.so.6", "libcublasLt.so.12", "libcudnn.so.9")))
			.containsExactly("libcublasLt.so.12", "libcudnn.so.9");
	}

}
