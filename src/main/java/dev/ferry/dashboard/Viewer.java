package dev.ferry.dashboard;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/**
 * Who looks at a page: their name, and whether they are an admin, who alone sees the
 * buttons that change something.
 */
final class Viewer {

	private Viewer() {
	}

	static void addTo(Model model, Authentication user) {
		model.addAttribute("user", (user != null) ? user.getName() : null);
		model.addAttribute("admin",
				user != null && user.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority())));
	}

}
