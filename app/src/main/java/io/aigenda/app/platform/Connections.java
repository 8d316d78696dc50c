package io.aigenda.app.platform;

/** Where the services find the infrastructure, whichever way it was provided. */
record Connections(Database database, Broker broker, S3 s3) {

	record Database(String url, String username, String password, String description) {
	}

	/**
	 * @param qpid the embedded broker, which must not get RabbitMQ-only queue arguments
	 */
	record Broker(String host, int port, String username, String password, String virtualHost, boolean qpid,
			String description) {
	}

	record S3(String endpoint, String region, String accessKey, String secretKey, String bucket, String description) {
	}

}
