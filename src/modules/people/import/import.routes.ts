import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppServices } from '../../../server/app';
import { AppError } from '../../../server/errors';
import { actorOf, errors, listOf, readScopeOf, userOf, writeScopeOf } from '../../../server/http';
import { pickLocale } from '../../../server/locale';
import type { ZodApp } from '../../../server/zod-app';
import { registerPeopleExportRoutes } from '../export/export.routes';
import { duplicateGroup, dryRunInput, importJob, importMapping, pageQuery, rowProblem, runInput, saveMappingInput, uploadQuery, uploadResult } from './import.schema';
import { ImportService, type ImportViewer } from './import.service';

/** Uploads up to this size are accepted; the file goes to disk as it arrives. */
export const MAX_IMPORT_BYTES = Number(process.env.TANZIM_IMPORT_MAX_BYTES ?? 200 * 1024 * 1024);
const FILE_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

const idParams = z.strictObject({ id: z.string().uuid() });
const viewerOf = (req: FastifyRequest): ImportViewer => {
  const user = userOf(req);
  return { userId: user.id, isAdmin: user.rights.isAdmin };
};
const localeOf = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);

/**
 * Imports of people (upload, dry run, run, progress, problems, duplicates, rejects) and the export of
 * people lists. Imports write: they need a write role; every line is checked against the caller's
 * write territory by the service, so the routes are `list` routes. A job is seen by its author and
 * by administrators only.
 */
export function registerImportRoutes(app: ZodApp, services: AppServices) {
  const imports = new ImportService(services.database, services.territories);
  // A job a stopped or killed server left behind goes on when the server starts again.
  app.addHook('onReady', async () => {
    void imports
      .resumeUnfinished()
      .then(() => imports.purgeExpired())
      .catch(() => undefined);
  });
  app.addHook('onClose', async () => imports.stop());

  registerPeopleExportRoutes(app, services);

  // The file arrives as the raw request body: this parser hands the stream on instead of buffering it.
  void app.register(async (upload: ZodApp) => {
    upload.addContentTypeParser(FILE_TYPES, (_req, payload, done) => done(null, payload));
    upload.post(
      '/api/imports',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        config: { access: 'write', scope: 'list' },
        schema: {
          tags: ['imports'],
          summary: 'Upload a CSV or XLSX file of people (raw body; file name in X-File-Name or ?fileName=)',
          description: `Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; at most ${MAX_IMPORT_BYTES} bytes. Answers the job with the file's headers, a guessed column mapping and its first lines.`,
          querystring: uploadQuery,
          response: { 201: uploadResult, ...errors },
        },
      },
      async (req, reply) => {
        const declared = Number(req.headers['content-length'] ?? 0);
        if (declared > MAX_IMPORT_BYTES) throw new AppError(413, 'payload_too_large');
        if (!req.body) throw new AppError(declared === 0 ? 400 : 415, declared === 0 ? 'import_file_empty' : 'import_file_type');
        const header = req.headers['x-file-name'];
        const fileName = req.query.fileName ?? (typeof header === 'string' ? decodeURIComponent(header) : 'import.csv');
        const { job, sample } = await imports.upload(viewerOf(req), {
          fileName: fileName.slice(0, 255),
          contentType: req.headers['content-type'],
          body: req.body as Readable,
          maxBytes: MAX_IMPORT_BYTES,
          mappingName: req.query.mapping,
        });
        return reply.status(201).send({ ...imports.view(job, localeOf(req)), sample });
      },
    );
  });

  app.get(
    '/api/imports',
    { config: { access: 'write', scope: 'self' }, schema: { tags: ['imports'], summary: 'My imports, newest first (all imports for administrators)', response: { 200: listOf(importJob), ...errors } } },
    async (req) => {
      const rows = await imports.list(viewerOf(req));
      return { items: rows.map((r) => imports.view(r, localeOf(req))), total: rows.length };
    },
  );

  app.get(
    '/api/imports/:id',
    { config: { access: 'write', scope: 'owner' }, schema: { tags: ['imports'], summary: 'An import and its progress', params: idParams, response: { 200: importJob, ...errors } } },
    async (req) => imports.view(await imports.job(req.params.id, viewerOf(req)), localeOf(req)),
  );

  app.post(
    '/api/imports/:id/dry-run',
    {
      config: { access: 'write', scope: 'owner' },
      schema: {
        tags: ['imports'],
        summary: 'Check every line without writing: problems by line and column, and duplicates',
        description: 'Runs in the background: follow GET /api/imports/:id, then read /problems and /duplicates.',
        params: idParams,
        body: dryRunInput,
        response: { 202: importJob, ...errors },
      },
    },
    async (req, reply) => {
      const job = await imports.startDryRun(actorOf(req), viewerOf(req), writeScopeOf(req), req.params.id, req.body);
      return reply.status(202).send(imports.view(job, localeOf(req)));
    },
  );

  app.post(
    '/api/imports/:id/run',
    {
      config: { access: 'write', scope: 'owner' },
      schema: {
        tags: ['imports'],
        summary: 'Import: all or nothing, or the valid lines only; duplicates skipped or imported per group',
        description: 'Runs in the background (validating first if no dry run was made with these columns): follow GET /api/imports/:id.',
        params: idParams,
        body: runInput,
        response: { 202: importJob, ...errors },
      },
    },
    async (req, reply) => {
      const job = await imports.startRun(actorOf(req), viewerOf(req), writeScopeOf(req), req.params.id, req.body);
      return reply.status(202).send(imports.view(job, localeOf(req)));
    },
  );

  app.get(
    '/api/imports/:id/problems',
    {
      config: { access: 'write', scope: 'owner' },
      schema: { tags: ['imports'], summary: "Every problem of the rejected lines, by line, in the caller's language", params: idParams, querystring: pageQuery, response: { 200: listOf(rowProblem), ...errors } },
    },
    async (req) => imports.problems(req.params.id, viewerOf(req), localeOf(req), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/imports/:id/duplicates',
    {
      config: { access: 'write', scope: 'owner' },
      schema: { tags: ['imports'], summary: 'Groups of lines that look like one person, in the file or in the registry', params: idParams, querystring: pageQuery, response: { 200: listOf(duplicateGroup), ...errors } },
    },
    async (req) => imports.duplicates(req.params.id, viewerOf(req), readScopeOf(req), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/imports/:id/rejects.csv',
    {
      config: { access: 'write', scope: 'owner' },
      schema: {
        tags: ['imports'],
        summary: "The rejected lines as CSV: the file's columns and a reason column",
        params: idParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV'), ...errors },
      },
    },
    async (req, reply) => {
      const job = await imports.job(req.params.id, viewerOf(req));
      const lines = imports.rejects(req.params.id, viewerOf(req), localeOf(req));
      // The first chunk is read before answering, so a missing file is an error rather than a cut download.
      const first = await lines.next();
      const stream = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* lines;
        })(),
      );
      const base = job.fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejects-${encodeURIComponent(base)}.csv"`)
        .header('cache-control', 'no-store')
        .send(stream as never);
    },
  );

  app.get(
    '/api/import-mappings',
    { config: { access: 'write', scope: 'list' }, schema: { tags: ['imports'], summary: "The organization's saved column mappings", response: { 200: listOf(importMapping), ...errors } } },
    async () => {
      const items = await imports.mappings();
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/import-mappings',
    {
      config: { access: 'write', scope: 'list' },
      schema: { tags: ['imports'], summary: 'Save a named column mapping (replacing one of the same name)', body: saveMappingInput, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await imports.saveMapping(userOf(req).id, req.body.name, req.body.columns);
      return reply.status(204).send(null);
    },
  );
}
