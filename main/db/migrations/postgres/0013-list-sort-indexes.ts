// Frozen: the PostgreSQL form of 0013-list-sort-indexes. That migration is written with Kysely's schema builder
// alone (plain and partial B-tree indexes, the ones of the baseline it replaces): it runs here as it is.
// Never edit; add a new migration to both sets with the next number.
export { up, down } from '../0013-list-sort-indexes';
