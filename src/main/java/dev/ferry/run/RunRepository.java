package dev.ferry.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RunRepository extends JpaRepository<BackupRun, Long>, JpaSpecificationExecutor<BackupRun> {

	/** The API's pages: with a total, so a count of every matching run. */
	@Query("""
			select r from BackupRun r
			where (:jobId is null or r.jobId = :jobId) and (:status is null or r.status = :status)
			order by r.id desc""")
	Page<BackupRun> search(@Param("jobId") Long jobId, @Param("status") RunStatus status, Pageable pageable);

	List<BackupRun> findByStatus(RunStatus status);

	List<BackupRun> findByStatusIn(Collection<RunStatus> statuses);

	/**
	 * How many runs started since an instant, by status: {@code [status, count]} rows.
	 * One read of the {@code started_at} index over that span; a count by status and time
	 * would walk every run of the status instead.
	 */
	@Query("select r.status, count(r) from BackupRun r where r.startedAt > :since group by r.status")
	List<Object[]> countByStatusSince(@Param("since") Instant since);

	Optional<BackupRun> findFirstByJobIdAndStatusOrderByIdDesc(long jobId, RunStatus status);

	Optional<BackupRun> findFirstByJobIdAndStatusInOrderByIdDesc(long jobId, Collection<RunStatus> statuses);

	/**
	 * Records a running run's progress and that its instance is alive. Touches only these
	 * columns, and only while the run is RUNNING, so it never overwrites an outcome.
	 */
	@Modifying
	@Query("""
			update BackupRun r set r.heartbeatAt = :now, r.counters.phase = :phase, r.counters.filesArchived = :files,
			r.counters.bytesRead = :read, r.counters.bytesUploaded = :uploaded,
			r.counters.estimatedTotalBytes = :estimate
			where r.id = :id and r.status = dev.ferry.run.RunStatus.RUNNING""")
	int heartbeat(@Param("id") long id, @Param("now") Instant now, @Param("phase") RunPhase phase,
			@Param("files") long files, @Param("read") long read, @Param("uploaded") long uploaded,
			@Param("estimate") Long estimate);

	/** Records that the instance holding these queued runs is alive. */
	@Modifying
	@Query("""
			update BackupRun r set r.heartbeatAt = :now
			where r.id in :ids and r.status = dev.ferry.run.RunStatus.QUEUED""")
	int heartbeatQueued(@Param("ids") Collection<Long> ids, @Param("now") Instant now);

	/**
	 * Moves a queued run to {@code next} (RUNNING) as it starts; 0 when it is no longer
	 * queued (cancelled or interrupted meanwhile), so that it never starts twice.
	 */
	@Modifying(clearAutomatically = true)
	@Query("""
			update BackupRun r set r.status = :next, r.startedAt = :now, r.heartbeatAt = :now,
			r.counters.phase = dev.ferry.run.RunPhase.ARCHIVING
			where r.id = :id and r.status = dev.ferry.run.RunStatus.QUEUED""")
	int startQueued(@Param("id") long id, @Param("next") RunStatus next, @Param("now") Instant now);

	/**
	 * Ends a queued run in {@code end} (CANCELLED or INTERRUPTED) without starting it; 0
	 * when it is no longer queued.
	 */
	@Modifying(clearAutomatically = true)
	@Query("""
			update BackupRun r set r.status = :end, r.finishedAt = :now, r.report.errorType = :type,
			r.report.errorMessage = :message, r.cancelRequested = :cancelled
			where r.id = :id and r.status = dev.ferry.run.RunStatus.QUEUED""")
	int endQueued(@Param("id") long id, @Param("end") RunStatus end, @Param("type") FailureType type,
			@Param("message") String message, @Param("cancelled") boolean cancelled, @Param("now") Instant now);

	@Modifying
	@Query("""
			update BackupRun r set r.cancelRequested = true
			where r.id = :id and r.status = dev.ferry.run.RunStatus.RUNNING""")
	int requestCancel(@Param("id") long id);

	@Query("select r.id from BackupRun r where r.id in :ids and r.cancelRequested = true")
	List<Long> cancelRequested(@Param("ids") List<Long> ids);

	/**
	 * Runs still RUNNING or QUEUED whose instance went quiet, or that never had a
	 * heartbeat.
	 */
	@Query("""
			select r from BackupRun r
			where r.status in (dev.ferry.run.RunStatus.RUNNING, dev.ferry.run.RunStatus.QUEUED)
			and (r.heartbeatAt is null or r.heartbeatAt < :before)""")
	List<BackupRun> findStale(@Param("before") Instant before);

	/**
	 * Runs that ended before {@code before} and that history may forget, oldest first:
	 * never a job's newest successful run, and never a run that another run names as its
	 * {@code retryOf} (that one goes first, and this one in a later batch). Reads the
	 * {@code finished_at} index, so a batch costs the same however long the history.
	 */
	@Query("""
			select r.id from BackupRun r
			where r.finishedAt < :before
			and r.status not in (dev.ferry.run.RunStatus.QUEUED, dev.ferry.run.RunStatus.RUNNING)
			and (r.status <> dev.ferry.run.RunStatus.SUCCEEDED or exists (select n.id from BackupRun n
				where n.jobId = r.jobId and n.status = dev.ferry.run.RunStatus.SUCCEEDED and n.id > r.id))
			and not exists (select k.id from BackupRun k where k.attempt.firstRunId = r.id)
			order by r.finishedAt""")
	List<Long> findExpired(@Param("before") Instant before, Limit limit);

	/**
	 * Deletes runs; their warnings, pruned lists and transcripts go with them (the
	 * database's {@code ON DELETE CASCADE}).
	 */
	@Modifying
	@Query("delete from BackupRun r where r.id in :ids")
	int deleteRuns(@Param("ids") Collection<Long> ids);

}
