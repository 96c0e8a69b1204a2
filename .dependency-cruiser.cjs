/** Module boundaries, checked in CI (`npm run lint:boundaries`). See ARCHITECTURE.md. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make start-up order fragile.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-internals',
      severity: 'error',
      comment:
        'A server module reaches another only through its service, errors, tables types, job definitions or module file.',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: [
          '^src/server/modules/$1/',
          '\\.(service|errors|tables|jobs)\\.ts$',
          '/(module|templates|job-definition|job-queue|realtime|mailer|demo-seed)\\.ts$',
          '^src/server/modules/(index|module)\\.ts$',
        ],
      },
    },
    {
      name: 'shared-is-standalone',
      severity: 'error',
      comment: 'Contracts in src/shared are imported by the server and the web app; they import neither.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP only; types come from src/shared.',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'web-feature-boundaries',
      severity: 'error',
      comment:
        'A web feature imports only design/, lib/, i18n/, src/shared and another feature through its public index.ts ' +
        '(app/ composes features; features never import app/).',
      from: { path: '^src/web/features/([^/]+)/' },
      to: {
        path: '^src/web/',
        pathNot: ['^src/web/features/$1/', '^src/web/(design|lib|i18n)/', '^src/web/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'web-foundations-stand-alone',
      severity: 'error',
      comment:
        'design/, lib/ and i18n/ serve every feature; they import no feature and not app/ (i18n/index.ts only registers locales).',
      from: { path: '^src/web/(design|lib|i18n)/' },
      to: {
        path: '^src/web/(features|app)/',
        pathNot: ['^src/web/features/[^/]+/locales\\.ts$'],
      },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'migrations-are-frozen',
      severity: 'error',
      comment: 'Migrations never import application code (only their own _kit and libraries).',
      from: { path: '^src/server/db/migrations/' },
      to: { path: '^src/', pathNot: '^src/server/db/migrations/' },
    },
    {
      name: 'repositories-are-sql-only',
      severity: 'error',
      comment: 'Repositories hold SQL; they do not call services or routes.',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|routes)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
