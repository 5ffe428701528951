/**
 * The database of this page or worker, as pages and the worker hold it: a handle they pass
 * to the functions of lib/store/, which alone name its tables (lint forbids importing Dexie
 * or `db.ts` anywhere else).
 */
export { db, type SkilltrailDb } from './db';
