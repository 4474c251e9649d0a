package vn.hanoi.branch.api;

import java.time.Instant;

/**
 * Backups as health shows them.
 *
 * @param newest          when the newest backup was taken (null: none yet)
 * @param lastError       why the last backup failed (null when it worked)
 * @param onDataDisk      the backups sit on the same disk as the database: one disk failure loses both
 * @param testRestoreAt   when a backup was last restored on trial into a temporary folder (null: not yet)
 * @param testRestoreOk   whether that trial worked
 * @param testRestore     what the trial checked, or what is wrong
 * @param warningVi       what IT should do, in Vietnamese (null when all is well)
 * @param warningEn       the same in English
 */
public record BackupHealth(Instant newest, String lastError, boolean onDataDisk, Instant testRestoreAt,
                           boolean testRestoreOk, String testRestore, String warningVi, String warningEn) {
}
