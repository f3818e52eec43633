package dev.ferry.job;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface JobRepository extends JpaRepository<BackupJob, Long> {

	Optional<BackupJob> findByName(String name);

	List<BackupJob> findAllByOrderByNameAsc();

}
