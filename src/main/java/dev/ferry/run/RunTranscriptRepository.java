package dev.ferry.run;

import org.springframework.data.jpa.repository.JpaRepository;

interface RunTranscriptRepository extends JpaRepository<RunTranscript, Long> {

}
