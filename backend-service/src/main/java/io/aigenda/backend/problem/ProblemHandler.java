package io.aigenda.backend.problem;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error the API returns is an RFC 9457 problem detail with a stable {@code type};
 * no stack trace ever reaches a client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/**
	 * How long a client waits before sending a request the object store could not serve
	 * again.
	 */
	static final int STORAGE_RETRY_AFTER_SECONDS = 10;

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(Problems.of(ex.status(), ex.slug(), ex.getMessage()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		if (ex.getRequiredType() == java.util.UUID.class) {
			// A path that names no meeting is simply not there.
			status = HttpStatus.NOT_FOUND;
			return ResponseEntity.status(status).body(Problems.of(status, "not-found", "No such resource"));
		}
		return ResponseEntity.status(status)
			.body(Problems.of(status, "invalid-parameter", "Parameter '" + ex.getName() + "' has an invalid value"));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status)
			.body(Problems.of(status, "malformed-upload", "The upload is not a valid multipart body"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		HttpStatus status = HttpStatus.FORBIDDEN;
		return ResponseEntity.status(status).body(Problems.of(status, "forbidden", "Not allowed"));
	}

	@ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrent(Exception ex) {
		HttpStatus status = HttpStatus.CONFLICT;
		return ResponseEntity.status(status)
			.body(Problems.of(status, "concurrent-change", "The resource was changed at the same time; try again"));
	}

	/**
	 * The object store did not answer (refused, timed out) or answered that it is
	 * failing: the request stored nothing the client relies on and may simply be sent
	 * again later, so the client is told so, not given an internal error.
	 */
	@ExceptionHandler(SdkClientException.class)
	ResponseEntity<ProblemDetail> storageUnreachable(SdkClientException ex) {
		log.warn("The object store is unreachable: {}", ex.getMessage());
		return storageUnavailable();
	}

	@ExceptionHandler(S3Exception.class)
	ResponseEntity<ProblemDetail> storageFailed(S3Exception ex) {
		if (ex.statusCode() >= 500) {
			log.warn("The object store failed with HTTP {}: {}", ex.statusCode(), ex.getMessage());
			return storageUnavailable();
		}
		return unexpected(ex);
	}

	private static ResponseEntity<ProblemDetail> storageUnavailable() {
		HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(status)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(STORAGE_RETRY_AFTER_SECONDS))
			.body(Problems.of(status, "storage-unavailable",
					"The recording store is unavailable right now; nothing was stored, try again shortly"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		return ResponseEntity.status(status).body(Problems.of(status, "internal-error", "Internal error"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ProblemHandler::describe)
			.collect(Collectors.joining("; "));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed",
				detail.isEmpty() ? "Invalid request" : detail);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getAllErrors()
			.stream()
			.map(error -> String.valueOf(error.getDefaultMessage()))
			.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", detail));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		ProblemDetail problem;
		if (cause instanceof IllegalArgumentException invalid) {
			// Thrown by our own value factories (for example an unknown language code).
			problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-value", invalid.getMessage());
		}
		else if (cause instanceof UnrecognizedPropertyException unknown) {
			// Refused rather than ignored: the sender believes the field does something.
			problem = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field",
					"Field '" + path(unknown) + "' is not part of this request");
		}
		else if (cause instanceof InvalidFormatException invalid) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-value",
					"Value '" + invalid.getValue() + "' is not valid for '" + path(invalid) + "'");
		}
		else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-value",
					"Field '" + path(mismatched) + "' has the wrong type");
		}
		else {
			problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "The request body is not valid JSON");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String path = ex.getResourcePath();
		// a person who typed or followed a wrong address gets the web app, which says so
		// in words; programs keep getting the problem document
		if (accept != null && accept.contains("text/html") && !path.startsWith("api/")
				&& !path.startsWith("actuator")) {
			String page = webApp();
			if (page != null) {
				return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML).body(page);
			}
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such resource: /" + ex.getResourcePath()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
					"Method " + ex.getMethod() + " is not allowed here"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-type",
					"Content type " + ex.getContentType() + " is not supported here"));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "empty-upload",
					"The request has no '" + ex.getRequestPartName() + "' part"));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "missing-parameter",
					"Parameter '" + ex.getParameterName() + "' is required"));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "The recording is too large"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Everything else Spring MVC raises: keep its status and detail, give it a stable
		// type.
		String slug = HttpStatus.resolve(statusCode.value()) != null
				? HttpStatus.valueOf(statusCode.value()).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
				: "error";
		String detail = (body instanceof ProblemDetail problem && problem.getDetail() != null) ? problem.getDetail()
				: HttpStatus.valueOf(statusCode.value()).getReasonPhrase();
		return ResponseEntity.status(statusCode).headers(headers).body(Problems.of(statusCode, slug, detail));
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

	private static String path(MismatchedInputException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : String.valueOf(ref.getIndex()))
			.collect(Collectors.joining("."));
	}

	/** The web app's index.html from the frontend jar; null when it is not there. */
	private static String webApp() {
		try (java.io.InputStream in = ProblemHandler.class.getResourceAsStream("/META-INF/resources/index.html")) {
			return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			return null;
		}
	}

}
