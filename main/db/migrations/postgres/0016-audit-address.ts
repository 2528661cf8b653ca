// Frozen: the PostgreSQL form of 0016-audit-address. One nullable text column added with Kysely's schema builder:
// it runs here as it is. Never edit; add a new migration to both sets with the next number.
export { up, down } from '../0016-audit-address';
