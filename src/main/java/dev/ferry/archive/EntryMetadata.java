package dev.ferry.archive;

import java.nio.file.attribute.FileTime;

/**
 * What an entry header records besides name and size.
 *
 * @param mode permission bits including setuid, setgid and sticky ({@code 07777})
 * @param modified last modification time, as precise as the file system keeps it
 * @param uid numeric owner
 * @param gid numeric group
 * @param userName owner's name, or empty if the id has none
 * @param groupName group's name, or empty if the id has none
 */
record EntryMetadata(int mode, FileTime modified, long uid, long gid, String userName, String groupName) {
}
