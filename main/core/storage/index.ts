export { dataFolder, folderStamp, filesUnder, syncFolder, moveFile, type DataFolder } from './data-folder';
export { writeAttachmentFile } from './attachment-files';
export { sweepDataFolder, readQuarantineReport, dismissQuarantineReport, QUARANTINE_REPORT_KEY, type QuarantineReport } from './sweep';
