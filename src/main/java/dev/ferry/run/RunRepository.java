package dev.ferry.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RunRepository extends JpaRepository<BackupRun, Long> {

	@Query("""
			select r from BackupRun r
			where (:jobId is null or r.jobId = :jobId) and (:status is null or r.status = :status)
			order by r.id desc""")
	Page<BackupRun> search(@Param("jobId") Long jobId, @Param("status") RunStatus status, Pageable pageable);

	List<BackupRun> findByStatus(RunStatus status);

	long countByStartedAtAfter(Instant since);

	long countByStartedAtAfterAndStatus(Instant since, RunStatus status);

	Optional<BackupRun> findFirstByJobIdAndStatusOrderByIdDesc(long jobId, RunStatus status);

	/**
	 * Records a running run's progress and that its instance is alive. Touches only these
	 * columns, and only while the run is RUNNING, so it never overwrites an outcome.
	 */
	@Modifying
	@Query("""
			update BackupRun r set r.heartbeatAt = :now, r.phase = :phase, r.filesArchived = :files,
			r.bytesRead = :read, r.bytesUploaded = :uploaded, r.estimatedTotalBytes = :estimate
			where r.id = :id and r.status = dev.ferry.run.RunStatus.RUNNING""")
	int heartbeat(@Param("id") long id, @Param("now") Instant now, @Param("phase") RunPhase phase,
			@Param("files") long files, @Param("read") long read, @Param("uploaded") long uploaded,
			@Param("estimate") Long estimate);

	@Modifying
	@Query("""
			update BackupRun r set r.cancelRequested = true
			where r.id = :id and r.status = dev.ferry.run.RunStatus.RUNNING""")
	int requestCancel(@Param("id") long id);

	@Query("select r.id from BackupRun r where r.id in :ids and r.cancelRequested = true")
	List<Long> cancelRequested(@Param("ids") List<Long> ids);

	/** Runs still RUNNING whose instance went quiet, or that never had a heartbeat. */
	@Query("""
			select r from BackupRun r where r.status = dev.ferry.run.RunStatus.RUNNING
			and (r.heartbeatAt is null or r.heartbeatAt < :before)""")
	List<BackupRun> findStale(@Param("before") Instant before);

}
