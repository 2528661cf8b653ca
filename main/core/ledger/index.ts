export { previewImport, createImport, listImports, undoImport } from './import-batch';
export { readLedgerFile, decodeCsv } from './read-sheet';
export { findHeader, fieldOfHeader, type LedgerSheet } from './columns';
export { judgeRow, type JudgeContext, type JudgedRow } from './rows';
export { ledgerDate, ledgerIdNumber, splitPeople, guessChannel, type Cell } from './cells';
export { exportRegister, registerHtml, REGISTER_COLUMNS, type RegisterRow } from './register';
export { printPetitionForm, petitionFormHtml, FORM_LIMITS, type PetitionForm } from './petition-form';
