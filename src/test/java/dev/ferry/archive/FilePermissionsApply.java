package dev.ferry.archive;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test where file permissions apply to it. Root opens and lists anything through
 * {@code CAP_DAC_OVERRIDE} and {@code CAP_DAC_READ_SEARCH}, and CI runs as root: there
 * the test method runs again in a child JVM started through {@code setpriv} without those
 * two capabilities, and passes only if it passed there. As any other user it runs
 * directly.
 *
 * @see FilePermissionsApplyExtension
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FilePermissionsApplyExtension.class)
@interface FilePermissionsApply {

}
