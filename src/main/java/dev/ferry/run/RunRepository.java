package dev.ferry.run;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RunRepository extends JpaRepository<BackupRun, Long> {

	@Query("""
			select r from BackupRun r
			where (:jobId is null or r.jobId = :jobId) and (:status is null or r.status = :status)
			order by r.id desc""")
	Page<BackupRun> search(@Param("jobId") Long jobId, @Param("status") RunStatus status, Pageable pageable);

	List<BackupRun> findByStatus(RunStatus status);

}
