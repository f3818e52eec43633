package dev.ferry.job;

import java.util.List;
import java.util.Optional;

import dev.ferry.transfer.DataCommand;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobRepository extends JpaRepository<BackupJob, Long> {

	Optional<BackupJob> findByName(String name);

	List<BackupJob> findAllByOrderByNameAsc();

	/**
	 * Records what AUTO found to work, without touching the job's version or update time.
	 */
	@Modifying
	@Query("update BackupJob j set j.target.lastDataCommand = :command where j.id = :id")
	int rememberDataCommand(@Param("id") long id, @Param("command") DataCommand command);

}
