package io.aigenda.backend.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.aigenda.observability.PipelineMeters;
import io.aigenda.observability.PipelineMeters.Direction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The backend's one door to S3: objects, multipart uploads and presigned URLs, all in one
 * bucket.
 */
@Component
public class ObjectStore implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

	private final S3Client s3;

	private final S3Presigner presigner;

	private final String bucket;

	private final PipelineMeters meters;

	ObjectStore(S3Client s3, S3Presigner presigner, S3Properties properties, PipelineMeters meters) {
		this.s3 = s3;
		this.presigner = presigner;
		this.bucket = properties.bucket();
		this.meters = meters;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			this.s3.headBucket(b -> b.bucket(this.bucket));
		}
		catch (NoSuchBucketException ex) {
			createBucket();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw ex;
			}
			createBucket();
		}
	}

	private void createBucket() {
		log.info("Creating bucket {}", this.bucket);
		this.s3.createBucket(b -> b.bucket(this.bucket));
	}

	public String bucket() {
		return this.bucket;
	}

	public void putFile(String key, Path file, String contentType) {
		RequestBody body = RequestBody.fromFile(file);
		this.s3.putObject(b -> b.bucket(this.bucket).key(key).contentType(contentType), body);
		this.meters.s3Bytes(Direction.IN, body.optionalContentLength().orElse(0L));
	}

	public void putBytes(String key, byte[] bytes, String contentType) {
		this.s3.putObject(b -> b.bucket(this.bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
		this.meters.s3Bytes(Direction.IN, bytes.length);
	}

	public byte[] getBytes(String key) {
		ResponseBytes<GetObjectResponse> bytes = this.s3.getObjectAsBytes(b -> b.bucket(this.bucket).key(key));
		this.meters.s3Bytes(Direction.OUT, bytes.asByteArrayUnsafe().length);
		return bytes.asByteArray();
	}

	/**
	 * Counts an object that a client (the web app, a recorder) wrote through a presigned
	 * URL, once the backend learns its size: those bytes reach S3 without passing through
	 * any service.
	 */
	public void countClientUpload(long bytes) {
		this.meters.s3Bytes(Direction.IN, bytes);
	}

	/**
	 * The first bytes of an object, to recognise its format without reading all of it.
	 */
	public byte[] head(String key, int count) {
		try (InputStream in = this.s3.getObject(b -> b.bucket(this.bucket).key(key).range("bytes=0-" + (count - 1)))) {
			byte[] head = in.readNBytes(count);
			this.meters.s3Bytes(Direction.OUT, head.length);
			return head;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public HeadObjectResponse stat(String key) {
		return this.s3.headObject(b -> b.bucket(this.bucket).key(key));
	}

	public boolean exists(String key) {
		try {
			stat(key);
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	public void delete(String key) {
		this.s3.deleteObject(b -> b.bucket(this.bucket).key(key));
	}

	public List<String> list(String prefix) {
		List<String> keys = new ArrayList<>();
		this.s3.listObjectsV2Paginator(b -> b.bucket(this.bucket).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.forEach(keys::add);
		return keys;
	}

	/**
	 * Deletes every object under a prefix, one by one (not every S3-compatible server has
	 * bulk delete).
	 */
	public int deletePrefix(String prefix) {
		List<String> keys = list(prefix);
		keys.forEach(this::delete);
		return keys.size();
	}

	public String presignGet(String key, Duration ttl) {
		return this.presigner
			.presignGetObject(b -> b.signatureDuration(ttl).getObjectRequest(g -> g.bucket(this.bucket).key(key)))
			.url()
			.toString();
	}

	/**
	 * Signed without a content type, so the holder may PUT any (JSON artifacts use
	 * application/json).
	 */
	public String presignPut(String key, Duration ttl) {
		return this.presigner
			.presignPutObject(b -> b.signatureDuration(ttl).putObjectRequest(p -> p.bucket(this.bucket).key(key)))
			.url()
			.toString();
	}

	public String startMultipart(String key, String contentType) {
		return this.s3.createMultipartUpload(b -> b.bucket(this.bucket).key(key).contentType(contentType)).uploadId();
	}

	public String presignPart(String key, String uploadId, int partNumber, Duration ttl) {
		return this.presigner
			.presignUploadPart(b -> b.signatureDuration(ttl)
				.uploadPartRequest(p -> p.bucket(this.bucket).key(key).uploadId(uploadId).partNumber(partNumber)))
			.url()
			.toString();
	}

	/** Parts stored so far; empty when the upload is gone. */
	public List<Part> listParts(String key, String uploadId) {
		List<Part> parts = new ArrayList<>();
		Integer marker = null;
		try {
			while (true) {
				Integer from = marker;
				ListPartsResponse page = this.s3.listParts(b -> {
					b.bucket(this.bucket).key(key).uploadId(uploadId);
					if (from != null) {
						b.partNumberMarker(from);
					}
				});
				parts.addAll(page.parts());
				if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextPartNumberMarker() == null) {
					return parts;
				}
				marker = page.nextPartNumberMarker();
			}
		}
		catch (NoSuchUploadException ex) {
			return List.of();
		}
	}

	public void completeMultipart(String key, String uploadId, List<CompletedPart> parts) {
		this.s3.completeMultipartUpload(b -> b.bucket(this.bucket)
			.key(key)
			.uploadId(uploadId)
			.multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
	}

	public void abortMultipart(String key, String uploadId) {
		try {
			this.s3.abortMultipartUpload(
					AbortMultipartUploadRequest.builder().bucket(this.bucket).key(key).uploadId(uploadId).build());
		}
		catch (NoSuchUploadException ex) {
			// Already gone: aborting twice is fine.
		}
	}

}
