import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { installed } from '../install-dir.js';
import type { DatabaseHandle } from '../db/database.js';
import { problemOf, errorHandler, sendProblem } from './problem.js';
import { registerAuthentication } from './plugins/authentication.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { notificationRoutes } from './routes/notification.routes.js';
import { slaRoutes } from './routes/sla.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import { calendarRoutes } from './routes/calendar.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { organisationRoutes } from './routes/organisation.routes.js';
import { requestRoutes } from './routes/request.routes.js';
import type { App, RouteDeps } from './routes/types.js';
import { accountService } from './services/account.service.js';
import { auditService } from './services/audit.service.js';
import { calendarService } from './services/calendar.service.js';
import { notificationService } from './services/notification.service.js';
import { slaService } from './services/sla.service.js';
import { upkeepService } from './services/upkeep.service.js';
import { reportService } from './services/report.service.js';
import { organisationService } from './services/organisation.service.js';
import { requestService } from './services/request.service.js';
import { accountRequestService } from './services/account-request.service.js';
import { accountReviewService } from './services/account-review.service.js';
import { passwordResetService } from './services/password-reset.service.js';
import { secondFactorService } from './services/second-factor.service.js';
import { securitySettingsService } from './services/security-settings.service.js';
import { userLifecycleService } from './services/user-lifecycle.service.js';
import { accountRequestRoutes } from './routes/account-request.routes.js';
import { accountReviewRoutes } from './routes/account-review.routes.js';
import { securityRoutes } from './routes/security.routes.js';
import { workflowRoutes } from './routes/workflow.routes.js';
import { workflowService } from './services/workflow.service.js';
import { workflowEffects } from './services/workflow-effects.js';
import { assetRoutes } from './routes/asset.routes.js';
import { deputyRoutes } from './routes/deputy.routes.js';
import { assetService } from './services/asset.service.js';
import { deputyService } from './services/deputy.service.js';
import { dcDocumentRoutes } from './routes/dc-documents.routes.js';
import { dcDocumentService } from './services/dc-documents.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeList: ReadonlyArray<{ method: string; url: string }>;
    /** The services behind the routes, for the background worker and tests. */
    services: RouteDeps;
  }
}

/** The built web app. */
const WEB_ROOT = installed('dist', 'web');

export type AppOptions = {
  config: Config;
  database: DatabaseHandle;
  now?: () => Date;
  logger?: boolean;
};

/** Builds the HTTP application: API, OpenAPI document and the web app. Does not listen. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
          },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const ctx = { db: database.db, config, now: options.now ?? (() => new Date()) };
  const securitySettings = securitySettingsService(ctx);
  const secondFactor = secondFactorService(ctx, { settings: securitySettings });
  const accounts = accountService(ctx, { secondFactor });
  const calendar = calendarService(ctx);
  const notifications = notificationService(ctx);
  const passwordResets = passwordResetService(ctx, { accounts, settings: securitySettings, notifications });
  const sla = slaService(ctx, { calendar, notifications });
  const workflows = workflowService(ctx);
  // Publish the shipped definitions now, in their own statements: published first inside a
  // request's transaction that then rolls back, they would vanish from the database while the
  // cache still believed them published.
  await workflows.catalogue();
  const effects = workflowEffects(ctx, { sla, notifications, passwordResets, settings: securitySettings });
  const requests = requestService(ctx, { sla, notifications, workflows, effects, calendar });
  const deps: RouteDeps = {
    accounts,
    organisation: organisationService(ctx, {
      requireAcceptablePassword: accounts.requireAcceptablePassword,
      settings: securitySettings,
    }),
    securitySettings,
    secondFactor,
    passwordResets,
    users: userLifecycleService(ctx, { settings: securitySettings }),
    accountRequests: accountRequestService(ctx, { settings: securitySettings, notifications, passwordResets }),
    accountReviews: accountReviewService(ctx, { settings: securitySettings, calendar, notifications }),
    workflows,
    requests,
    calendar,
    sla,
    notifications,
    reports: reportService(ctx),
    audit: auditService(ctx),
    assets: assetService(ctx),
    deputies: deputyService(ctx),
    upkeep: upkeepService(ctx, { databaseKind: database.kind }),
    config,
    databaseKind: database.kind,
  };

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 10, parts: 20 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'GovDesk API',
        version: '0.1.0',
        description:
          'GovDesk 資訊服務申請系統. Sign in with `POST /api/auth/login` (session cookie; send the returned `csrfToken` as `X-CSRF-Token` on state changes) or use a personal API token as `Authorization: Bearer gdk_…`. Errors are `application/problem+json` with a stable `code`, the field at fault and messages in zh-TW and English.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'govdesk_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthentication(app, deps.accounts);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/api/')) {
      reply.header('x-frame-options', 'DENY');
      reply.header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    }
  });

  // Every route, as registered: the authorisation test walks this list.
  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  app.decorate('routeList', routes);
  app.decorate('services', deps);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app, deps);
  authRoutes(app, deps);
  organisationRoutes(app, deps);
  requestRoutes(app, deps);
  calendarRoutes(app, deps);
  auditRoutes(app, deps);
  notificationRoutes(app, deps);
  slaRoutes(app, deps);
  reportRoutes(app, deps);
  securityRoutes(app, deps);
  accountRequestRoutes(app, deps);
  accountReviewRoutes(app, deps);
  workflowRoutes(app, deps);
  assetRoutes(app, deps);
  deputyRoutes(app, deps);
  dcDocumentRoutes(app, { dcDocuments: dcDocumentService(ctx) });

  const hasWeb = fs.existsSync(path.join(WEB_ROOT, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      // The build names each script and style sheet by its content: a browser keeps them and never
      // asks again, while the page that names them is asked for every time.
      setHeaders: (res, filePath) =>
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return sendProblem(reply, problemOf('not_found', { instance: request.url.split('?')[0] ?? '' }));
    }
    // The web app routes in the browser: every other page is its index.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  return app;
}
