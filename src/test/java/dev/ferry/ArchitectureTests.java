package dev.ferry;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries of STYLE.md, enforced.
 */
@AnalyzeClasses(packages = "dev.ferry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule onlyTransferTalksFtp = noClasses().that()
		.resideOutsideOfPackage("dev.ferry.transfer..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.commons.net..")
		.because("everything that touches Commons Net lives in transfer");

	@ArchTest
	static final ArchRule onlyArchiveWritesArchives = noClasses().that()
		.resideOutsideOfPackage("dev.ferry.archive..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.commons.compress..")
		.because("archive formats are the archive package's business");

	@ArchTest
	static final ArchRule onlySchedulingTalksQuartz = noClasses().that()
		.resideOutsideOfPackage("dev.ferry.scheduling..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.quartz..")
		.because("scheduling is the only Quartz glue");

	@ArchTest
	static final ArchRule archiveAndTransferKnowNothingOfEachOther = noClasses().that()
		.resideInAPackage("dev.ferry.archive..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.ferry.transfer..", "dev.ferry.job..", "dev.ferry.run..", "dev.ferry.scheduling..");

	@ArchTest
	static final ArchRule transferKnowsNothingOfTheRest = noClasses().that()
		.resideInAPackage("dev.ferry.transfer..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.ferry.archive..", "dev.ferry.job..", "dev.ferry.run..", "dev.ferry.scheduling..");

	@ArchTest
	static final ArchRule retentionIsPureLogic = noClasses().that()
		.resideInAPackage("dev.ferry.retention..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.ferry.archive..", "dev.ferry.transfer..", "dev.ferry.job..", "dev.ferry.run..",
				"dev.ferry.scheduling..", "dev.ferry.system..", "org.springframework..")
		.because("which archives to keep is decided on names alone, testable without a server");

	@ArchTest
	static final ArchRule dashboardReadsOnlyJobsAndRuns = noClasses().that()
		.resideInAPackage("dev.ferry.dashboard..")
		.should()
		.dependOnClassesThat(resideInAnyPackage("dev.ferry.transfer..", "dev.ferry.scheduling..", "dev.ferry.archive..")
			// the probe's report, which the job page shows as it is
			.and(not(nameStartingWith("dev.ferry.transfer.ProbeReport"))))
		.because("the dashboard shows jobs and runs through their services");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.ferry.(*)..").should().beFreeOfCycles();

}
