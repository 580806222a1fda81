import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Application, type Request } from 'express';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { doubleCsrf } from 'csrf-csrf';
import pino, { type Logger } from 'pino';
import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';
import { SqliteSessionStore } from './auth/session-store.js';
import { findUserById } from './auth/users.repo.js';
import { getSettings } from './settings/settings.repo.js';
import { userForToken } from './auth/auth.service.js';
import { can, ROLES, type Permission } from './auth/roles.js';
import { AppError } from './shared/errors.js';
import { CSRF_COOKIE, errorHandler } from './shared/http.js';
import { withLayout } from './shared/layout.js';
import * as dates from './shared/dates.js';
import { authRoutes } from './auth/auth.routes.js';
import { publicRoutes } from './public/public.routes.js';
import { requestsRoutes } from './requests/requests.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { usersRoutes } from './auth/users.routes.js';
import { tokensRoutes } from './auth/tokens.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { holidaysRoutes } from './holidays/holidays.routes.js';
import { requestsApi } from './requests/requests.api.js';
import { deliveryApi, paperRoutes } from './requests/papers.routes.js';
import { objectionNavCounts, objectionsRoutes } from './objections/objections.routes.js';
import { objectionsApi } from './objections/objections.api.js';
import { importRoutes } from './import/import.routes.js';
import { exportsRoutes } from './exports/exports.routes.js';
import { uploadsRoutes } from './uploads/uploads.routes.js';
import { uploadsApi } from './uploads/uploads.api.js';
import { recapRoutes } from './recap/recap.routes.js';
import { recapApi } from './recap/recap.api.js';
import { submissionKeys } from './submissions/submissions.js';
import type { AppContext } from './context.js';
import { messagesRoutes } from './messages/messages.routes.js';
import { unitsRoutes } from './units/units.routes.js';
import { dispositionsRoutes, unitHooks } from './units/dispositions.routes.js';
import { unitsApi } from './units/units.api.js';
import { deskRoutes } from './desk/desk.routes.js';
import { deskApi } from './desk/desk.api.js';
import { serviceReportApi } from './reports/service/service-report.api.js';
import { serviceReportRoutes } from './reports/service/service-report.routes.js';
import { annualReportApi } from './reports/annual/annual-report.api.js';
import { annualReportRoutes } from './reports/annual/annual-report.routes.js';
import { deskAdminRoutes } from './desk/desk-admin.routes.js';
import { publicRatingsApi, ratingsApi } from './ratings/ratings.api.js';
import { ratingLinkLocals, ratingsRoutes } from './ratings/ratings.routes.js';
import { deskFlowApi } from './desk/flows.api.js';
import { deskFlowRoutes, deskRequestLink } from './desk/flows.routes.js';
import { knowledgeApi, knowledgeRoutes } from './knowledge/knowledge.routes.js';
import { visitsRoutes } from './visits/visits.routes.js';
import { videoConferenceRoutes } from './visits/video.routes.js';
import { consultationImportRoutes } from './consultation-import/consultation-import.routes.js';
import { pelaksanaHooks } from './pelaksana/pelaksana.routes.js';
import { dikApi, dikRoutes } from './dik/dik.routes.js';

/** POST routes that parse a multipart body themselves and then call ctx.csrfValid. */
const MULTIPART_FORMS = [/^\/reports\/annual\/\d{4}\/submit\/?$/i, /^\/permohonan\/?$/i, /^\/requests\/[^/]+\/attachments\/?$/i, /^\/admin\/import\/?$/i, /^\/admin\/consultation-import\/?$/i];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds the application around its dependencies; never listens (see server.ts). */
export function buildApp(deps: { db: Db; config: AppConfig; logger?: Logger }): Application {
  const { db, config } = deps;
  const { doubleCsrfProtection, generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => config.sessionSecret,
    // A staff session binds its tokens (login renews the id, so a token from before is void). An
    // anonymous visitor has no stored session (see saveUninitialized below): the token is bound
    // to the random value of its own HttpOnly CSRF cookie, which another site can neither read nor set.
    getSessionIdentifier: (req: Request) => (req.session?.userId ? req.session.id : 'anonymous'),
    cookieName: config.secureCookies ? CSRF_COOKIE.secure : CSRF_COOKIE.plain,
    cookieOptions: { sameSite: 'lax', secure: config.secureCookies, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req: Request) => (req.body?._csrf as string | undefined) ?? req.get('x-csrf-token'),
    // Only the forms that take files are parsed by their route, which checks the token right after
    // parsing. Any other multipart POST has no parsed body here, so it must carry the token in
    // the X-CSRF-Token header or be refused: whatever its content type, no token, no change.
    skipCsrfProtection: (req: Request) => Boolean(req.is('multipart/form-data')) && MULTIPART_FORMS.some((re) => re.test(req.path)),
    errorConfig: { code: 'EBADCSRFTOKEN', statusCode: 403 },
  });
  const ctx: AppContext = { ...deps, logger: deps.logger ?? pino({ level: config.logLevel }), csrfValid: validateRequest };
  const app = express();

  app.set('views', path.join(ROOT, 'views'));
  app.set('view engine', 'ejs');
  // Compile each template once (Express only does this by default under NODE_ENV=production).
  app.set('view cache', true);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.locals.dates = dates;
  app.locals.zone = config.zone;
  app.locals.roleLabels = ROLES;

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"],
          // Over plain HTTP (an intranet address without TLS) this would send every stylesheet,
          // script and form to an https:// that does not exist.
          'upgrade-insecure-requests': config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use('/public', express.static(path.join(ROOT, 'public'), { maxAge: '1h' }));
  // Every page's body goes into views/layout.ejs (error pages too).
  app.use(withLayout());

  // Machine clients: bearer tokens, JSON, no cookies and so no CSRF.
  const api = express.Router();
  api.use(express.json({ limit: '100kb' }));
  api.use((req, res, next) => {
    // Personal data: no browser or proxy keeps a copy.
    res.set('Cache-Control', 'no-store');
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? userForToken(db, match[1], config.zone) : null;
    if (!found) return next(new AppError('unauthenticated', 'Token API tidak ada atau tidak berlaku.'));
    if ('expiredOn' in found) return next(new AppError('unauthenticated', `Token API sudah kedaluwarsa (berlaku sampai ${dates.formatDate(found.expiredOn)}). Minta token baru kepada admin.`));
    req.user = found.user;
    req.actor = found.actor;
    next();
  });
  mountApi(api, ctx);
  api.use((_req, _res, next) => next(new AppError('not_found', 'Alamat API tidak dikenal.')));
  // Public: a chatbot posts the user's rating with the link's token, no bearer token (issue 17).
  app.use('/api/v1', publicRatingsApi(ctx));
  app.use('/api/v1', api);

  // People: sessions in the database, CSRF on every state change.
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 }));
  app.use(cookieParser());
  app.use(
    session({
      name: 'ppid.sid',
      secret: config.sessionSecret,
      store: new SqliteSessionStore(db),
      resave: false,
      // No row for a visitor with nothing to keep (a plain view, an empty form): a session is
      // stored once it holds something (a login, a flash, a status lookup, a receipt).
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 8 * 60 * 60 * 1000 },
    }),
  );
  app.use((req, res, next) => {
    // A multipart body that no route parses: an empty body, never a TypeError further on.
    req.body ??= {};
    const userId = req.session.userId;
    if (userId) {
      const user = findUserById(db, userId);
      if (user?.active) req.user = user;
      else delete req.session.userId;
    }
    // Staff pages carry personal data, and so do a status lookup and a receipt: never cached.
    if (req.user || /^\/(status|permohonan\/tanda-bukti)(\/|$)/i.test(req.path)) res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(doubleCsrfProtection);
  app.use((req, res, next) => {
    res.locals.csrfToken = generateCsrfToken(req, res);
    res.locals.user = req.user ?? null;
    res.locals.can = (p: Permission) => (req.user ? can(req.user.role, p) : false);
    res.locals.path = req.path;
    res.locals.flash = req.session.flash ?? [];
    if (req.session.flash) delete req.session.flash;
    // The top bar names the office; read when a page is rendered, not on every redirect.
    Object.defineProperty(res.locals, 'officeName', { get: () => getSettings(db).office_name, enumerable: true, configurable: true });
    next();
  });
  // A repeated form (double click) answers the first outcome again: see src/submissions.
  app.use(submissionKeys(db, { source: 'form' }));

  mountPages(app, ctx);

  app.use((_req, _res, next) => next(new AppError('not_found', 'Halaman tidak ditemukan.')));
  app.use(errorHandler(ctx.logger));
  return app;
}

function mountApi(api: express.Router, ctx: AppContext): void {
  // Idempotency-Key: a retried POST answers the first answer again (src/submissions).
  api.use(submissionKeys(ctx.db, { source: 'api' }));
  // Before requestsApi: a unit's token gets "not found" under /requests/:id.
  // A PPID Pelaksana's officers: their own requests only (src/pelaksana).
  api.use(pelaksanaHooks(ctx));
  api.use(unitsApi(ctx));
  api.use(requestsApi(ctx));
  api.use(deliveryApi(ctx));
  api.use(objectionsApi(ctx));
  api.use(uploadsApi(ctx));
  api.use(recapApi(ctx));
  api.use(deskApi(ctx));
  api.use(serviceReportApi(ctx));
  api.use(annualReportApi(ctx));
  api.use(ratingsApi(ctx));
  api.use(deskFlowApi(ctx));
  api.use(knowledgeApi(ctx));
  api.use(dikApi(ctx));
}

function mountPages(app: Application, ctx: AppContext): void {
  app.use(ratingLinkLocals(ctx)); // the rating link on a ticket's or request's staff page
  app.use(objectionNavCounts(ctx));
  // Before the request and recap pages: unit staff kept to their work, panels for the PPID.
  app.use(unitHooks(ctx));
  app.use(deskRequestLink(ctx));
  // A PPID Pelaksana's officers: their own requests only (src/pelaksana).
  app.use(pelaksanaHooks(ctx));
  app.use(unitsRoutes(ctx));
  app.use(dispositionsRoutes(ctx));
  app.use(authRoutes(ctx));
  app.use(publicRoutes(ctx));
  // Before requestsRoutes: the register page (the dashboard) shows the annual report's deadline.
  app.use(annualReportRoutes(ctx));
  // Before requestsRoutes: its /requests/:id would take "export.csv" for an id.
  app.use(exportsRoutes(ctx));
  app.use(requestsRoutes(ctx));
  app.use(paperRoutes(ctx));
  app.use(auditRoutes(ctx));
  app.use(usersRoutes(ctx));
  app.use(tokensRoutes(ctx));
  app.use(settingsRoutes(ctx));
  app.use(objectionsRoutes(ctx));
  app.use(uploadsRoutes(ctx));
  app.use(holidaysRoutes(ctx));
  app.use(recapRoutes(ctx));
  app.use(importRoutes(ctx));
  app.use(messagesRoutes(ctx));
  app.use(deskRoutes(ctx));
  app.use(serviceReportRoutes(ctx));
  app.use(deskAdminRoutes(ctx));
  app.use(ratingsRoutes(ctx));
  app.use(deskFlowRoutes(ctx));
  app.use(knowledgeRoutes(ctx));
  app.use(visitsRoutes(ctx));
  app.use(videoConferenceRoutes(ctx));
  app.use(consultationImportRoutes(ctx));
  app.use(dikRoutes(ctx));
}
