package io.aigenda.mlcontroller.vector;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest extends VectorStoreContract {

	@TempDir
	Path directory;

	@Override
	VectorStore openStore() {
		return new LuceneVectorStore(this.directory);
	}

	@Override
	VectorStore reopenStore() {
		return new LuceneVectorStore(this.directory);
	}

}
