export { NoticeArchivePage } from './NoticeArchivePage';
export { NoticeCreatePage } from './NoticeCreatePage';
export { NoticeDetailPage } from './NoticeDetailPage';
