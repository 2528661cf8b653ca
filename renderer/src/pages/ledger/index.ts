export { LedgerImportPage } from './LedgerImportPage';
