import express, { Router } from 'express';
import type { AppContext } from '../context.js';
import { parseInput } from '../shared/validation.js';
import { AppError } from '../shared/errors.js';
import { requireRole, REPORT_ROLES } from './access.js';
import { monthQuerySchema, ratingApiSchema } from './ratings.schemas.js';
import { openRating, submitRating } from './ratings.service.js';
import { ratingsSummary } from './ratings.report.js';
import { ratingLimiters } from './ratings.routes.js';

/**
 * POST /api/v1/ratings/:token — public (no bearer token: a chatbot passes on what the user
 * answered in the conversation). 201 with {id}; 409 once the link was used; 410 when it expired;
 * 404 for an unknown token; 400 for a bad body; 429 past the rate limit. Mounted before the API's
 * token check.
 */
export function publicRatingsApi({ db, logger }: AppContext): Router {
  const r = Router();
  const limit = ratingLimiters(logger);
  r.post('/ratings/:token', limit.submit, express.json({ limit: '16kb' }), (req, res, next) => {
    // GET /ratings/summary and anything else under /ratings go on to the token-checked API.
    if (req.params.token === 'summary') return next();
    res.set('Cache-Control', 'no-store');
    const token = String(req.params.token);
    // The link first: an unknown, expired or spent link says so whatever the body.
    openRating(db, token);
    if (!req.is('application/json')) throw new AppError('validation', 'Kirim JSON (Content-Type: application/json).');
    const input = parseInput(ratingApiSchema, req.body ?? {});
    const row = submitRating({ db, actor: { userId: null, label: 'api:rating' }, token, input, source: 'api' });
    res.status(201).json({ id: row.id, submitted_at: row.submittedAt });
  });
  return r;
}

/** GET /api/v1/ratings/summary?year=&month= (bearer token; the report's readers). */
export function ratingsApi({ db, config }: AppContext): Router {
  const r = Router();
  r.get('/ratings/summary', requireRole(REPORT_ROLES), (req, res) => {
    const { year, month } = parseInput(monthQuerySchema, req.query);
    res.json(ratingsSummary(db, year, month, config.zone));
  });
  return r;
}
