package io.aigenda.mlcontroller.vector;

/** The vector store's backend failed (unreachable, timed out, refused the request). */
public class VectorStoreException extends RuntimeException {

	public VectorStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
