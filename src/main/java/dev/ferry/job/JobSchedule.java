package dev.ferry.job;

import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * When a job fires: a cron expression (as the user wrote it) and the time zone it is read
 * in.
 */
@Embeddable
public class JobSchedule {

	@Column(name = "schedule_cron")
	private String cron;

	@Column(name = "schedule_timezone")
	private String timezone;

	protected JobSchedule() {
	}

	JobSchedule(String cron, String timezone) {
		this.cron = cron;
		this.timezone = timezone;
	}

	public String getCron() {
		return this.cron;
	}

	public ZoneId getZone() {
		return ZoneId.of(this.timezone);
	}

	public String getTimezone() {
		return this.timezone;
	}

}
