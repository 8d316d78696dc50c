package io.aigenda.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * An S3-compatible server (S3Proxy) that keeps buckets as folders under a local
 * directory. It accepts AWS signature V2 and V4, including presigned V4 URLs, so the same
 * clients and URLs work as against a real object store.
 */
public final class EmbeddedS3 implements AutoCloseable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final S3Proxy proxy;

	private final BlobStoreContext context;

	private final int port;

	private final String accessKey;

	private final String secretKey;

	private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, int port, String accessKey, String secretKey) {
		this.proxy = proxy;
		this.context = context;
		this.port = port;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
	}

	/** Starts on {@code port} (0 picks a free one) with fresh random credentials. */
	public static EmbeddedS3 start(Path dataDir, int port) {
		return start(dataDir, port, randomKey(10), randomKey(20));
	}

	/** Starts on {@code port} (0 picks a free one) with the given credentials. */
	public static EmbeddedS3 start(Path dataDir, int port, String accessKey, String secretKey) {
		BlobStoreContext context = null;
		try {
			Files.createDirectories(dataDir);
			Properties overrides = new Properties();
			overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, dataDir.toAbsolutePath().toString());
			context = ContextBuilder.newBuilder("filesystem")
				.overrides(overrides)
				.credentials("identity", "credential")
				.buildView(BlobStoreContext.class);
			// port 0 makes Jetty bind a free port; getPort() then reports the bound one
			S3Proxy proxy = S3Proxy.builder()
				.blobStore(context.getBlobStore())
				.endpoint(URI.create("http://127.0.0.1:" + port))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
				// SDK clients send headers S3Proxy does not know (checksums, SDK
				// metadata)
				.ignoreUnknownHeaders(true)
				// the web app PUTs upload parts from the browser and must read each
				// part's ETag
				.corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD", "PUT"), List.of("*"),
						List.of("ETag"), "false"))
				.build();
			proxy.start();
			awaitStarted(proxy);
			return new EmbeddedS3(proxy, context, proxy.getPort(), accessKey, secretKey);
		}
		catch (IOException ex) {
			closeQuietly(context);
			throw new UncheckedIOException("Cannot use S3 data folder " + dataDir + ": " + ex.getMessage(), ex);
		}
		catch (Exception ex) {
			closeQuietly(context);
			throw new IllegalStateException(
					"Cannot start the embedded S3 server on port " + port + ": " + ex.getMessage(), ex);
		}
	}

	/** Base URL for path-style requests, e.g. {@code http://127.0.0.1:9000}. */
	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public String accessKey() {
		return this.accessKey;
	}

	public String secretKey() {
		return this.secretKey;
	}

	/**
	 * Creates the bucket if it does not exist yet (no request signing needed in-process).
	 */
	public void createBucket(String bucket) {
		this.context.getBlobStore().createContainerInLocation(null, bucket);
	}

	@Override
	public void close() {
		try {
			this.proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot stop the embedded S3 server: " + ex.getMessage(), ex);
		}
		finally {
			this.context.close();
		}
	}

	private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!"STARTED".equals(proxy.getState())) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
			}
			Thread.sleep(10);
		}
	}

	static String randomKey(int bytes) {
		byte[] buffer = new byte[bytes];
		RANDOM.nextBytes(buffer);
		return HexFormat.of().formatHex(buffer);
	}

	private static void closeQuietly(BlobStoreContext context) {
		if (context != null) {
			context.close();
		}
	}

}
