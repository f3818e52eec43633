package dev.ferry.dashboard;

import java.time.Instant;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Formatting for the templates, as {@code @fmt}: times in UTC to the second (the page's
 * script shows them in the browser's time zone), readable sizes, and JSON for scripts.
 */
@Component("fmt")
class PageFormat {

	private final JsonMapper json;

	PageFormat(JsonMapper json) {
		this.json = json;
	}

	public String utc(Instant instant) {
		return (instant != null) ? Times.format(instant) + " UTC" : "";
	}

	public String bytes(Long bytes) {
		return (bytes != null) ? RunRow.bytes(bytes) : "unknown";
	}

	public String json(Object value) {
		return this.json.writeValueAsString(value);
	}

}
