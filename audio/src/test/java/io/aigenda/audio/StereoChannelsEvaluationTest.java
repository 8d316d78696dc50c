package io.aigenda.audio;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation of the stereo call rule on {@link StereoCases}: each case's envelope
 * correlation, activity and decision, then how far the threshold sits from the nearest
 * call and the nearest room. Run it to see the figures:
 *
 * <pre>
 * ./mvnw -o verify -pl audio -Dtest=StereoChannelsEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class StereoChannelsEvaluationTest {

	@Test
	void theThresholdSeparatesCallsFromOneRoomWithAMarginOnBothSides() {
		StereoChannels.Settings rule = StereoChannels.Settings.DEFAULTS;
		List<StereoCases.Case> cases = StereoCases.all();
		double highestCall = -1;
		String highestCallName = "";
		double lowestRoom = 1;
		String lowestRoomName = "";
		int wrong = 0;
		System.out.printf(Locale.ROOT, "%-70s %6s %7s %7s  %s%n", "case", "corr", "left s", "right s", "decision");
		for (StereoCases.Case c : cases) {
			StereoChannels.Layout layout = StereoChannels.analyse(c.left(), c.right(), rule.frameSeconds());
			boolean split = rule.oneSpeakerPerChannel(layout);
			wrong += (split != c.call()) ? 1 : 0;
			System.out.printf(Locale.ROOT, "%-70s %6.3f %7.2f %7.2f  %s%s%n", c.name(), layout.envelopeCorrelation(),
					layout.leftActiveSeconds(), layout.rightActiveSeconds(), split ? "per channel" : "mixed down",
					(split != c.call()) ? "  WRONG" : "");
			if (c.call() && layout.envelopeCorrelation() > highestCall) {
				highestCall = layout.envelopeCorrelation();
				highestCallName = c.name();
			}
			if (!c.call() && layout.envelopeCorrelation() < lowestRoom) {
				lowestRoom = layout.envelopeCorrelation();
				lowestRoomName = c.name();
			}
		}
		double threshold = rule.maxCorrelation();
		System.out.printf(Locale.ROOT,
				"%d cases, %d decided wrong. Threshold %.2f: highest call %.3f (%s), margin %.3f; "
						+ "lowest room %.3f (%s), margin %.3f; middle of the gap %.3f%n",
				cases.size(), wrong, threshold, highestCall, highestCallName, threshold - highestCall, lowestRoom,
				lowestRoomName, lowestRoom - threshold, (highestCall + lowestRoom) / 2);

		System.out.println("The gap between calls and one room by envelope frame:");
		for (double frame : new double[] { 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2 }) {
			double call = -1;
			double room = 1;
			for (StereoCases.Case c : cases) {
				double r = StereoChannels.analyse(c.left(), c.right(), frame).envelopeCorrelation();
				call = c.call() ? Math.max(call, r) : call;
				room = c.call() ? room : Math.min(room, r);
			}
			System.out.printf(Locale.ROOT, "  %3.0f ms: highest call %.3f, lowest room %.3f, gap %.3f%n", frame * 1000,
					call, room, room - call);
		}

		assertThat(wrong).isZero();
		assertThat(threshold - highestCall).as("margin below the threshold").isGreaterThan(0.05);
		assertThat(lowestRoom - threshold).as("margin above the threshold").isGreaterThan(0.05);
	}

}
