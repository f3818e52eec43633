/**
 * Which of a job's archives to keep: the naming of archives in a remote directory, and
 * retention rules as restic and borg define them. Pure logic; knows nothing of FTP, jobs
 * or runs.
 */
package dev.ferry.retention;
