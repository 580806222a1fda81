/** The request register's closed vocabularies live in src/vocabulary/ (the schema's CHECKs use them). */
export * from '../vocabulary/requests.js';
export { keysOf } from '../vocabulary/keys.js';
