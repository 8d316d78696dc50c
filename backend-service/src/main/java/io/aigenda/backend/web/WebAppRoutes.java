package io.aigenda.backend.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web app routes in the browser; a reload or a shared link on one of its addresses
 * gets the same index.html, which then shows the right page.
 */
@Controller
class WebAppRoutes {

	@GetMapping({ "/sign-in", "/meetings", "/meetings/{id}", "/upload", "/record-call", "/tokens", "/webhooks",
			"/search", "/shared/{token}" })
	String app() {
		return "forward:/index.html";
	}

}
