package io.aigenda.meetingcontroller.recorder;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How recorder bots are provisioned.
 *
 * @param provider where a bot runs: {@code local} (a process on this machine) or
 * {@code openstack} (a server per bot, through the OpenStack API)
 * @param maxBotsPerOrganisation bots one organisation may have in calls at the same time, so one
 * tenant cannot take every recorder (or run up the cloud bill)
 */
@ConfigurationProperties("aigenda.meeting-controller")
public record RecorderProperties(@DefaultValue("local") Provider provider,
		@DefaultValue("2") int maxBotsPerOrganisation) {

	public RecorderProperties {
		if (maxBotsPerOrganisation < 1) {
			throw new IllegalArgumentException(
					"aigenda.meeting-controller.max-bots-per-organisation must be at least 1, not "
							+ maxBotsPerOrganisation);
		}
	}

	public enum Provider {

		LOCAL, OPENSTACK

	}

}
