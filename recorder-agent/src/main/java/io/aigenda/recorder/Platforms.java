package io.aigenda.recorder;

import java.util.Map;

/**
 * How to join each platform's web client with a bot name, and how to tell that the
 * meeting is over. Each step is a script evaluated in the page: the join script answers
 * {@code joined} when the bot is in the call (anything else means: not yet, run me
 * again), the end script answers {@code ended} when the call is over for the bot.
 */
final class Platforms {

	/**
	 * Page helpers: fill an input the way a person would (frameworks see the events),
	 * click by text.
	 */
	private static final String HELPERS = """
			const fill = (selector, value) => {
			  const input = document.querySelector(selector);
			  if (!input) return false;
			  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
			  setter.call(input, value);
			  input.dispatchEvent(new Event('input', { bubbles: true }));
			  input.dispatchEvent(new Event('change', { bubbles: true }));
			  return true;
			};
			const clickText = (...texts) => {
			  for (const el of document.querySelectorAll('button, [role=button]')) {
			    const text = (el.innerText || el.getAttribute('aria-label') || '').trim().toLowerCase();
			    if (texts.some(t => text.includes(t))) { el.click(); return true; }
			  }
			  return false;
			};
			const pageSays = (...texts) => {
			  const body = (document.body && document.body.innerText || '').toLowerCase();
			  return texts.some(t => body.includes(t));
			};
			""";

	record Adapter(String join, String ended) {

		String joinScript(String botName) {
			return "(() => {" + HELPERS + "const botName = " + quote(botName) + ";" + this.join + "})()";
		}

		String endedScript() {
			return "(() => {" + HELPERS + this.ended + "})()";
		}

	}

	/**
	 * The test meeting page: a name field, a Join button, {@code data-state} on the body.
	 */
	static final Adapter TEST_PAGE = new Adapter("""
			if (document.body && document.body.dataset.state === 'in-call') return 'joined';
			fill('#name', botName);
			const join = document.querySelector('#join');
			if (join) join.click();
			return 'joining';
			""", """
			return document.body && document.body.dataset.state === 'ended' ? 'ended' : '';
			""");

	/** Jitsi Meet's web client: the pre-join screen takes a display name. */
	static final Adapter JITSI = new Adapter(
			"""
					if (document.querySelector('#largeVideoContainer, .videocontainer') && !document.querySelector('.premeeting-screen')) return 'joined';
					fill('input.field, input[data-testid="prejoin.input"], #premeeting-name-input', botName);
					const join = document.querySelector('[data-testid="prejoin.joinMeeting"]');
					if (join) join.click(); else clickText('join meeting', 'join');
					return 'joining';
					""",
			"""
					return pageSays('you have been disconnected', 'the meeting has been terminated', 'meeting has ended',
					    'you were removed', 'you have been kicked') ? 'ended' : '';
					""");

	/** Google Meet in the browser, as a guest asking to be let in. */
	static final Adapter GOOGLE_MEET = new Adapter("""
			if (document.querySelector('[aria-label*="Leave call" i]')) return 'joined';
			fill('input[aria-label="Your name" i], input[placeholder="Your name" i]', botName);
			clickText('dismiss', 'continue without microphone');
			clickText('ask to join', 'join now');
			return 'joining';
			""", """
			return pageSays("you've left the meeting", 'the call has ended', "you've been removed",
			    'meeting has ended', 'no one responded to your request') ? 'ended' : '';
			""");

	/**
	 * Zoom's web client (the /wc/join page), which asks for a name and then joins
	 * computer audio.
	 */
	static final Adapter ZOOM = new Adapter("""
			if (document.querySelector('.footer__leave-btn, [aria-label*="Leave" i]')) {
			  clickText('join audio by computer', 'join audio');
			  return 'joined';
			}
			fill('#input-for-name, input[placeholder*="name" i]', botName);
			const join = document.querySelector('.preview-join-button, #joinBtn');
			if (join) join.click(); else clickText('join');
			return 'joining';
			""", """
			return pageSays('this meeting has been ended by host', 'the meeting has ended', 'you have been removed')
			    ? 'ended' : '';
			""");

	private static final Map<String, Adapter> BY_NAME = Map.of("test-page", TEST_PAGE, "jitsi", JITSI, "google-meet",
			GOOGLE_MEET, "zoom", ZOOM);

	private Platforms() {
	}

	static Adapter of(String platform) {
		Adapter adapter = BY_NAME.get(platform);
		if (adapter == null) {
			throw new IllegalArgumentException("No adapter for platform " + platform);
		}
		return adapter;
	}

	/** Zoom invitations point at the app; the browser client lives under /wc/join/. */
	static String joinUrl(String platform, String url) {
		if ("zoom".equals(platform)) {
			return url.replaceFirst("/j/(\\d+)", "/wc/join/$1");
		}
		return url;
	}

	static String quote(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == '<') {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
