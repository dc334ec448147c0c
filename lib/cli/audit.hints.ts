import type { AuditKind } from './audit.kinds.js';
import type { Framework } from './audit.framework.js';

type ByFramework = Readonly<Record<Framework, string>>;

// One handler for everything unexpected: what each framework calls it.
const CATCH_ALL: ByFramework = {
  nest: 'Import SafeErrorsModule.forRoot() from nestjs-safe-errors: every error that is not an HttpException becomes an opaque 500 with a request ID, and the details go to the log.',
  express:
    'Run with NODE_ENV=production (Express prints the stack otherwise) and end the middleware chain with an error handler (err, req, res, next) that logs the error and answers with a generic body.',
  fastify:
    'Use setErrorHandler: log the error and answer a 5xx with a generic message and a request ID; Fastify sends the thrown message by default.',
  flask:
    'Register @app.errorhandler(Exception): log with exc_info=True, return HTTPExceptions as they are, and answer everything else with a generic JSON 500.',
  django:
    'Set DEBUG = False and let a handler500 view answer with a generic page; the details go to logging (mail_admins or a log handler).',
  unknown:
    'Answer unexpected errors with a generic message and a random request ID, and write the details to the server log under that ID.',
};

const DEBUG_OFF: ByFramework = {
  nest: 'A debug page is not Nest\u2019s: find what renders it (a proxy, another app on the route) and turn its debug mode off.',
  express:
    'Set NODE_ENV=production in every deployed environment: Express\u2019s final handler renders the stack as a page otherwise.',
  fastify:
    'Turn off whatever renders this page (a plugin or a proxy in front); Fastify itself has no debug page.',
  flask:
    'Run with debug=False (FLASK_DEBUG unset): the Werkzeug debugger runs Python sent from the browser, its PIN is the only guard.',
  django:
    'Set DEBUG = False: Django\u2019s debug pages list settings, URL patterns, local variables and the source around each frame.',
  unknown:
    'Turn the framework\u2019s debug mode off in every deployed environment.',
};

const BANNER: ByFramework = {
  nest: 'SafeErrorsModule removes X-Powered-By on Express; a Server banner comes from what is in front (nginx: server_tokens off; Apache: ServerTokens Prod).',
  express:
    'app.disable(\u0027x-powered-by\u0027) (or helmet), and hide the proxy\u2019s version (nginx: server_tokens off).',
  fastify:
    'Fastify sends no banner: remove it where it is added (a plugin, a proxy: nginx server_tokens off).',
  flask:
    'The Werkzeug development server names itself and Python in Server: serve the app with a production WSGI server (gunicorn) behind a proxy that hides versions.',
  django:
    'runserver names itself and Python in Server: serve the app with a production WSGI server (gunicorn, uWSGI) behind a proxy that hides versions.',
  unknown:
    'Drop X-Powered-By and the version in Server (nginx: server_tokens off; Apache: ServerTokens Prod).',
};

const RAW_MESSAGE: ByFramework = {
  ...CATCH_ALL,
  nest: 'Set opaqueServerErrors: true in SafeErrorsModule.forRoot(): by default a 5xx HttpException such as InternalServerErrorException(\u0027\u2026\u0027) keeps its own message; without the module every error\u2019s message can go out.',
};

const REFLECTION =
  'Answer errors with a fixed message: do not quote the request\u2019s body or headers back (an echo in an HTML page is a cross-site scripting vector, in a log line a way to forge lines).';

// What to do about the finding itself, before fixing the handler that let it out.
const FIRST: Partial<Readonly<Record<AuditKind, string>>> = {
  secret:
    'Rotate the exposed credential first: it has been sent to whoever asked. Then: ',
  'planted-secret': 'A value the test planted came back. ',
  'connection-string':
    'Rotate the database password if the string held one. Then: ',
  sql: 'Keep driver errors (and the query) in the log. ',
};

/** What to change so the finding goes away, in the framework's own terms where it is known. */
export function fixHint(kind: AuditKind, framework: Framework): string {
  if (kind === 'debug-page') return DEBUG_OFF[framework];
  if (kind === 'version-banner') return BANNER[framework];
  if (kind === 'raw-message') return RAW_MESSAGE[framework];
  if (kind === 'reflected-input') return REFLECTION;
  return (FIRST[kind] ?? '') + CATCH_ALL[framework];
}
