package io.aigenda.messaging.transfer;

/**
 * Counts the bytes an {@link ArtifactTransfer} moves through presigned URLs; the
 * observability library turns them into the S3 byte counters.
 */
public interface TransferMeter {

	/** Counts nothing: for tools and tests that have no meter registry. */
	TransferMeter NONE = new TransferMeter() {
		@Override
		public void downloaded(long bytes) {
		}

		@Override
		public void uploaded(long bytes) {
		}
	};

	/** Bytes read out of the store. */
	void downloaded(long bytes);

	/** Bytes written into the store. */
	void uploaded(long bytes);

}
