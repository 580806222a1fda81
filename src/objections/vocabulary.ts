/** The objections' closed vocabularies live in src/vocabulary/ (the schema's CHECKs use them). */
export * from '../vocabulary/objections.js';
