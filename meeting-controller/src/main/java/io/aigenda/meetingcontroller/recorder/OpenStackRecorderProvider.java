package io.aigenda.meetingcontroller.recorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.api.Builders;
import org.openstack4j.model.common.ActionResponse;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;
import org.openstack4j.openstack.OSFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Nova server per recorder: Keystone v3 password authentication scoped to a project,
 * the compute endpoint from the token's catalog, a server with cloud-init user data that
 * starts the recorder, and metadata that marks it as an AiGenda recorder of one bot. A
 * server that ends in ERROR, or is not ACTIVE in time, is deleted before the failure is
 * reported, so nothing is left running and billing.
 */
public class OpenStackRecorderProvider implements RecorderProvider {

	static final String RECORDER_TAG = "aigenda-recorder";

	static final String BOT_TAG = "aigenda-bot";

	static final String NAME_PREFIX = "aigenda-recorder-";

	private static final Logger log = LoggerFactory.getLogger(OpenStackRecorderProvider.class);

	private final RecorderProperties.OpenStack settings;

	public OpenStackRecorderProvider(RecorderProperties.OpenStack settings) {
		this.settings = settings;
	}

	@Override
	public String start(RecorderLaunch launch) {
		OSClientV3 os = authenticate();
		ServerCreateBuilder create = Builders.server()
			.name(NAME_PREFIX + launch.botId())
			.flavor(this.settings.flavor())
			.image(this.settings.image())
			.networks(List.of(this.settings.network()))
			.userData(Base64.getEncoder().encodeToString(cloudInit(launch).getBytes(StandardCharsets.UTF_8)))
			.addMetadata(Map.of(RECORDER_TAG, "true", BOT_TAG, launch.botId().toString()));
		if (notBlank(this.settings.keyName())) {
			create.keypairName(this.settings.keyName());
		}
		if (notBlank(this.settings.securityGroup())) {
			create.addSecurityGroup(this.settings.securityGroup());
		}
		Server server;
		try {
			server = os.compute().servers().boot(create.build());
		}
		catch (ConnectionException ex) {
			throw new RecorderException("OpenStack is unreachable: " + ex.getMessage(), true, ex);
		}
		catch (ResponseException ex) {
			throw fault("create the recorder server", ex);
		}
		if (server == null || server.getId() == null) {
			throw new RecorderException("OpenStack answered the server create without a server", true, null);
		}
		String id = server.getId();
		log.info("Recorder server {} created for bot {}", id, launch.botId());
		try {
			waitActive(os, id);
			return id;
		}
		catch (RuntimeException ex) {
			stop(id);
			throw ex instanceof RecorderException recorder ? recorder
					: new RecorderException("Waiting for server " + id + ": " + ex.getMessage(), true, ex);
		}
	}

	private void waitActive(OSClientV3 os, String id) {
		long deadline = System.nanoTime() + this.settings.activeTimeout().toNanos();
		while (true) {
			Server server = os.compute().servers().get(id);
			if (server == null) {
				throw new RecorderException("Server " + id + " disappeared while it was being built", true, null);
			}
			Server.Status status = server.getStatus();
			if (status == Server.Status.ACTIVE) {
				return;
			}
			if (status == Server.Status.ERROR) {
				String fault = server.getFault() != null ? server.getFault().getMessage() : "no fault given";
				throw new RecorderException("Server " + id + " went to ERROR: " + fault, true, null);
			}
			if (System.nanoTime() > deadline) {
				throw new RecorderException("Server " + id + " was not ACTIVE after " + this.settings.activeTimeout()
						+ " (still " + status + ")", true, null);
			}
			sleep(this.settings.pollInterval());
		}
	}

	@Override
	public boolean alive(String handle) {
		Server server = authenticate().compute().servers().get(handle);
		return server != null && server.getStatus() != Server.Status.DELETED
				&& server.getStatus() != Server.Status.ERROR;
	}

	@Override
	public void stop(String handle) {
		ActionResponse response = authenticate().compute().servers().delete(handle);
		if (!response.isSuccess() && response.getCode() != 404) {
			throw new RecorderException("Deleting server " + handle + " failed: " + response.getFault(), true, null);
		}
		log.info("Recorder server {} deleted", handle);
	}

	@Override
	public Set<String> running() {
		List<? extends Server> servers = authenticate().compute().servers().list(Map.of("name", "^" + NAME_PREFIX));
		return servers.stream()
			.filter(s -> s.getMetadata() != null && "true".equals(s.getMetadata().get(RECORDER_TAG)))
			.map(Server::getId)
			.collect(Collectors.toCollection(HashSet::new));
	}

	/**
	 * The cloud-config that starts the recorder on first boot, with its settings in a
	 * root-only file.
	 */
	String cloudInit(RecorderLaunch launch) {
		StringBuilder env = new StringBuilder();
		launch.environment()
			.forEach((key, value) -> env.append("      ")
				.append(key)
				.append("='")
				.append(value.replace("'", "'\\''"))
				.append("'\n"));
		return """
				#cloud-config
				write_files:
				  - path: /etc/aigenda/recorder.env
				    permissions: '0600'
				    owner: root:root
				    content: |
				%s
				runcmd:
				  - [sh, -c, 'set -a; . /etc/aigenda/recorder.env; exec %s --aigenda-bot=%s > /var/log/aigenda-recorder.log 2>&1 &']
				"""
			.formatted(env.toString().stripTrailing(), this.settings.recorderCommand(), launch.botId());
	}

	private OSClientV3 authenticate() {
		try {
			var builder = OSFactory.builderV3()
				.endpoint(this.settings.identityUrl())
				.credentials(this.settings.username(), this.settings.password(),
						Identifier.byName(this.settings.userDomain()))
				.scopeToProject(Identifier.byName(this.settings.project()),
						Identifier.byName(this.settings.projectDomain()));
			OSClientV3 os = builder.authenticate();
			if (notBlank(this.settings.region())) {
				os.useRegion(this.settings.region());
			}
			return os;
		}
		catch (ConnectionException ex) {
			throw new RecorderException("Keystone is unreachable: " + ex.getMessage(), true, ex);
		}
		catch (AuthenticationException ex) {
			throw new RecorderException("Keystone refused the credentials: " + ex.getMessage(), false, ex);
		}
	}

	/**
	 * Quota (403/413) and server-side faults may clear up; other client errors are set-up
	 * mistakes.
	 */
	private static RecorderException fault(String action, ResponseException ex) {
		int status = ex.getStatus();
		boolean quota = status == 413
				|| (status == 403 && String.valueOf(ex.getMessage()).toLowerCase().contains("quota"));
		boolean retryable = quota || status == 409 || status == 429 || status >= 500;
		String reason = quota ? "quota exceeded" : "HTTP " + status;
		return new RecorderException("Could not " + action + " (" + reason + "): " + ex.getMessage(), retryable, ex);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RecorderException("Interrupted while waiting for a server", true, ex);
		}
	}

}
