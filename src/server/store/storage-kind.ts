/** The two databases the store runs on; the SQL is the same, a few locks differ. */
export type StorageKind = 'sqlite' | 'postgres';
