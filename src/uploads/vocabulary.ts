/** The attachments' closed vocabularies live in src/vocabulary/ (the schema's CHECKs use them). */
export * from '../vocabulary/attachments.js';
