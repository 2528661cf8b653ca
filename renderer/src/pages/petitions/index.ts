export { PetitionDetailPage } from './PetitionDetailPage';
export { PetitionIntakePage } from './PetitionIntakePage';
export { PetitionListPage } from './PetitionListPage';
