package io.aigenda.meetingcontroller.recorder;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Shows operators which provider this controller uses and its per-organisation limit. */
@Component
class RecorderInfoContributor implements InfoContributor {

	private final RecorderProperties properties;

	RecorderInfoContributor(RecorderProperties properties) {
		this.properties = properties;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("recorder", Map.of("provider", this.properties.provider().name().toLowerCase(Locale.ROOT),
				"maxBotsPerOrganisation", this.properties.maxBotsPerOrganisation()));
	}

}
