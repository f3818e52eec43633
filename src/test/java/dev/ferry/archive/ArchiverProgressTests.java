package dev.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live progress while an archive is written, and the quick size scan that a progress bar
 * measures it against: both agree with what the archive really holds.
 */
class ArchiverProgressTests {

	@TempDir
	Path dir;

	private final Archiver archiver = new Archiver();

	@Test
	void reportsEveryStoredFileAndTheBytesReadAsItGoes() throws IOException {
		Path www = SampleTree.create(this.dir);
		AtomicLong entries = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		AtomicLong calls = new AtomicLong();
		ArchiveProgress progress = new ArchiveProgress() {

			@Override
			public void entryArchived() {
				entries.incrementAndGet();
			}

			@Override
			public void bytesRead(long count) {
				bytes.addAndGet(count);
				calls.incrementAndGet();
			}

		};
		ByteArrayOutputStream withProgress = new ByteArrayOutputStream();
		ByteArrayOutputStream without = new ByteArrayOutputStream();

		ArchiveStats stats = this.archiver.write(spec(www, List.of()), withProgress, progress);
		this.archiver.write(spec(www, List.of()), without);

		assertThat(entries.get()).isEqualTo(stats.filesArchived());
		assertThat(bytes.get()).isEqualTo(stats.bytesRead());
		// the 3 MB file alone comes in many buffers, not in one call at the end
		assertThat(calls.get()).isGreaterThan(40);
		assertThat(TarContents.names(withProgress.toByteArray())).isEqualTo(TarContents.names(without.toByteArray()));
	}

	@Test
	void estimatesWhatTheArchiveWillHoldHonouringExcludes() throws IOException {
		Path www = SampleTree.create(this.dir);
		List<String> excludes = List.of("big.bin", "nested/**");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		ArchiveStats stats = this.archiver.write(spec(www, excludes), out);
		SizeEstimate estimate = this.archiver.estimate(spec(www, excludes));

		List<TarContents.Entry> entries = TarContents.read(out.toByteArray());
		long fileBytes = entries.stream()
			.filter((e) -> e.type() == TarContents.Type.FILE)
			.mapToLong(TarContents.Entry::size)
			.sum();
		assertThat(estimate.bytes()).isEqualTo(fileBytes).isEqualTo(stats.bytesRead());
		assertThat(estimate.files()).isEqualTo(stats.filesArchived());
		assertThat(this.archiver.estimate(spec(www, List.of())).bytes()).isGreaterThan(3L * 1024 * 1024);
	}

	private static ArchiveSpec spec(Path source, List<String> excludes) {
		return new ArchiveSpec(List.of(source), excludes, ArchiveFormat.TAR_GZ);
	}

}
