package io.aigenda.diarization;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which shared libraries the dynamic loader would not find, looking where it looks:
 * {@code LD_LIBRARY_PATH}, the folders of {@code /etc/ld.so.conf} (and the files it
 * includes) and the system folders. ONNX Runtime says only "Failed to load shared
 * library" when its CUDA provider cannot load; this names what is missing.
 */
final class SharedLibraries {

	/**
	 * What ONNX Runtime 1.23's CUDA provider links against besides the C and C++ runtimes
	 * ({@code readelf -d libonnxruntime_providers_cuda.so}): CUDA 12 and cuDNN 9.
	 */
	static final List<String> CUDA_PROVIDER_NEEDS = List.of("libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12",
			"libcufft.so.11", "libcurand.so.10", "libcudnn.so.9");

	private static final List<String> SYSTEM_FOLDERS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
			"/lib64", "/usr/lib64", "/lib", "/usr/lib");

	private SharedLibraries() {
	}

	static List<String> missing(List<String> names) {
		Set<Path> folders = folders();
		return names.stream()
			.filter(name -> folders.stream().noneMatch(folder -> Files.exists(folder.resolve(name))))
			.toList();
	}

	private static Set<Path> folders() {
		Set<Path> folders = new LinkedHashSet<>();
		String libraryPath = System.getenv("LD_LIBRARY_PATH");
		if (libraryPath != null) {
			for (String folder : libraryPath.split(":")) {
				if (!folder.isBlank()) {
					folders.add(Path.of(folder));
				}
			}
		}
		readConfiguration(Path.of("/etc/ld.so.conf"), folders, 0);
		SYSTEM_FOLDERS.forEach(folder -> folders.add(Path.of(folder)));
		return folders;
	}

	private static void readConfiguration(Path file, Set<Path> folders, int depth) {
		if (depth > 4 || !Files.isReadable(file)) {
			return;
		}
		try {
			for (String line : Files.readAllLines(file)) {
				String entry = line.replaceFirst("#.*", "").strip();
				if (entry.startsWith("include ")) {
					for (Path included : glob(entry.substring("include ".length()).strip())) {
						readConfiguration(included, folders, depth + 1);
					}
				}
				else if (entry.startsWith("/")) {
					folders.add(Path.of(entry));
				}
			}
		}
		catch (IOException ex) {
			// an unreadable file adds no folder, as for the loader
		}
	}

	/**
	 * {@code /etc/ld.so.conf.d/*.conf}: a glob in the file name only, as ld.so.conf has.
	 */
	private static List<Path> glob(String pattern) {
		Path path = Path.of(pattern);
		Path folder = path.getParent();
		List<Path> files = new ArrayList<>();
		if (folder == null || !Files.isDirectory(folder)) {
			return files;
		}
		try (DirectoryStream<Path> matches = Files.newDirectoryStream(folder, path.getFileName().toString())) {
			matches.forEach(files::add);
		}
		catch (IOException ex) {
			// as above
		}
		files.sort(null);
		return files;
	}

}
