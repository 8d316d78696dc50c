package io.aigenda.meetingcontroller.recorder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How recorder bots are provisioned and watched.
 *
 * @param provider where a bot runs: {@code local} (a process on this machine) or
 * {@code openstack} (a server per bot, through the OpenStack API)
 * @param maxBotsPerOrganisation bots one organisation may have in calls at the same time,
 * so one tenant cannot take every recorder (or run up the cloud bill)
 * @param backendUrl the backend's base URL, for the controller and for recorders
 * @param serviceToken the backend's service token (internal endpoints)
 * @param publicUrl this controller's base URL as recorders reach it (heartbeats)
 * @param heartbeatTimeout a recorder silent this long is taken for dead and torn down
 * @param leaveGrace after asking a recorder to leave, how long it may take before it is
 * torn down
 * @param tick how often bots are looked at (due bots, heartbeats, durations, provider
 * state)
 * @param provisionAttempts attempts to provision a recorder (quota and API faults) before
 * the bot fails
 * @param retryBackoff pause before the second attempt; doubled for each further one
 * @param maxRecorderAge the oldest a recorder may get: the longest stay a bot may be
 * given (the backend's {@code aigenda.backend.bots.max-duration}, 8 hours) plus
 * provisioning and leaving. An older one leaked, and the {@code BotOlderThanMaximum}
 * alert fires
 * @param local the local provider
 * @param openstack the OpenStack provider
 */
@ConfigurationProperties("aigenda.meeting-controller")
public record RecorderProperties(@DefaultValue("local") Provider provider,
		@DefaultValue("2") int maxBotsPerOrganisation, @DefaultValue("http://127.0.0.1:8080") String backendUrl,
		String serviceToken, @DefaultValue("http://127.0.0.1:8085") String publicUrl,
		@DefaultValue("60s") Duration heartbeatTimeout, @DefaultValue("30s") Duration leaveGrace,
		@DefaultValue("1s") Duration tick, @DefaultValue("3") int provisionAttempts,
		@DefaultValue("5s") Duration retryBackoff, @DefaultValue("9h") Duration maxRecorderAge,
		@DefaultValue Local local, @DefaultValue OpenStack openstack) {

	public RecorderProperties {
		if (maxBotsPerOrganisation < 1) {
			throw new IllegalArgumentException(
					"aigenda.meeting-controller.max-bots-per-organisation must be at least 1, not "
							+ maxBotsPerOrganisation);
		}
		if (provisionAttempts < 1) {
			throw new IllegalArgumentException(
					"aigenda.meeting-controller.provision-attempts must be at least 1, not " + provisionAttempts);
		}
	}

	public enum Provider {

		LOCAL, OPENSTACK

	}

	/**
	 * @param command the recorder's command line; the bot's settings reach it as
	 * {@code AIGENDA_*} environment variables, and {@code --aigenda-bot=<id>} is appended
	 * so a restarted controller can find recorders it no longer tracks
	 * @param logDir where each recorder's output goes ({@code <bot>.log}); the temporary
	 * directory when unset
	 */
	public record Local(@DefaultValue("recorder-agent/bin/aigenda-recorder") List<String> command, String logDir) {
	}

	/**
	 * A server per bot. Authentication is Keystone v3 with a user's password, scoped to a
	 * project.
	 *
	 * @param identityUrl Keystone v3, e.g. {@code https://cloud.example.com:5000/v3}
	 * @param flavor flavour id
	 * @param image image id; the image runs cloud-init and has the recorder installed
	 * @param network network id
	 * @param keyName key pair for operators (optional)
	 * @param securityGroup security group name (optional)
	 * @param recorderCommand what cloud-init runs on the server to start the recorder
	 * @param activeTimeout how long a server may take to become ACTIVE
	 * @param pollInterval pause between status checks while waiting
	 */
	public record OpenStack(String identityUrl, String username, String password,
			@DefaultValue("Default") String userDomain, String project, @DefaultValue("Default") String projectDomain,
			String region, String flavor, String image, String network, String keyName, String securityGroup,
			@DefaultValue("/opt/aigenda/recorder-agent/bin/aigenda-recorder") String recorderCommand,
			@DefaultValue("5m") Duration activeTimeout, @DefaultValue("5s") Duration pollInterval) {
	}

}
