import { Command, InvalidArgumentError } from 'commander';
import { reportCliError } from './errors.js';

const program = new Command();
program.name('preboard').description('Preboard: pre-onboarding follow-up for new hires').showHelpAfterError();
program.exitOverride((err) => {
  // Usage errors (unknown option, missing argument) are bad input: exit 2 like every other.
  process.exit(err.exitCode === 0 ? 0 : 2);
});

const run = (fn: () => Promise<void>) => fn().catch(reportCliError);

program.command('start')
  .description('Run everything in one process on the embedded database (or DATABASE_URL); seeds the demo organisation into an empty database')
  .action(() => run(async () => (await import('./serve.js')).runServe({ withDemo: true })));

program.command('serve')
  .description('Run the HTTP server (several may run against one PostgreSQL database)')
  .action(() => run(async () => (await import('./serve.js')).runServe({ withDemo: false })));

program.command('worker')
  .description('Run background work only: send due messages and run timed follow-up rules (PostgreSQL; any number may run)')
  .addHelpText('after', `
Needs DATABASE_URL. On the embedded database (PGlite) one process owns the data directory,
so \`preboard start\` and \`preboard serve\` run the worker inside themselves and this
command exits with code 2.
Environment: SMTP_URL (smtp://user:pass@host:port or smtps://…) and SMTP_FROM send candidate
email; without them email is rendered and kept in the outbox. PREBOARD_CATCHUP_SECONDS (60)
sets how often due work is looked for besides the queue; PREBOARD_DISPATCH_LEASE_SECONDS (120)
how long a message being sent belongs to one worker. SIGTERM stops after the message in flight.`)
  .action(() => run(async () => (await import('./worker.js')).runWorker()));

program.command('migrate')
  .description('Apply pending database migrations')
  .action(() => run(async () => (await import('./admin-commands.js')).runMigrate()));

program.command('seed')
  .description('Create a demo organisation with users for every role and a dozen candidates')
  .option('--slug <slug>', 'organisation slug', 'demo')
  .action((opts) => run(async () => (await import('./admin-commands.js')).runSeed(opts)));

program.command('simulate')
  .description('Preview plans: run a scenario through the real engine on a throw-away database with a virtual clock and print the timeline as JSON lines (docs/simulator.md)')
  .argument('<file>', 'scenario JSON (see examples/scenario.json)')
  .addHelpText('after', `
Prints one JSON object per line, sorted by time, e.g.
  {"at":"2026-12-11T10:00:00+08:00","candidate":"c1","kind":"message","step":"final.daily_care","stage":"final_days","owner":"hr","channel":"email"}
kind: task | message | escalation | status | cancelled. Same scenario, same output.
Exit code 2 on bad input (the error names the field, e.g. events.0.reason).`)
  .action((file: string) => run(async () => (await import('./simulate.js')).runSimulate(file)));

program.command('retention')
  .description('Anonymise declined, reneged and withdrawn candidates past the retention period (DESIGN §5); --dry-run lists them first')
  .option('--dry-run', 'list who would be anonymised and why; change nothing')
  .option('--org <slug>', 'only this organisation')
  .option('--json', 'one JSON object per line instead of the report')
  .addHelpText('after', `
The period is the organisation's retentionDays setting (default 180 days after the process
ended). People with a live talent-pool consent are kept; a talent-pool consent past its
expiry is withdrawn by the system first. Every purge is in the audit log. The worker runs
the same sweep each night (after 02:00 in the organisation's zone).
Exit code 2 on bad input.`)
  .action((opts) => run(async () => (await import('./retention.js')).runRetentionCommand({ dryRun: opts.dryRun ?? false, org: opts.org, json: opts.json ?? false })));

const keys = program.command('keys').description('Data keys that seal documents and other sensitive values (docs/security.md)');
keys.command('new')
  .description('Print a fresh key ring entry (id:base64) to put first in PREBOARD_DATA_KEYS or the key file')
  .option('--id <id>', 'key id (1–16 letters, digits, _ or -); default k<today>')
  .action((opts) => run(async () => (await import('./keys.js')).runKeysNew({ id: opts.id })));
keys.command('reseal')
  .description('Move every sealed value to the active (first) key, so older keys can be removed')
  .option('--dry-run', 'count what is on older keys; change nothing')
  .option('--json', 'the report as one JSON object')
  .addHelpText('after', `
Safe beside running servers: a value is only rewritten if it still holds what was read.
Interrupted runs can simply be repeated. Exits 1 if a value could not be moved (its key is
not in the ring), 2 on bad input. "keys still named" lists what must stay in the ring.`)
  .action((opts) => run(async () => (await import('./keys.js')).runKeysReseal({ dryRun: opts.dryRun ?? false, json: opts.json ?? false })));

const user = program.command('user').description('Manage staff users');
user.command('add')
  .description('Add a staff user (password from --password or PREBOARD_PASSWORD)')
  .requiredOption('--org <slug>', 'organisation slug')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--role <role>', 'hr | hrbp | manager | admin | executive | org_admin')
  .option('--password <password>', 'at least 10 characters')
  .option('--phone <phone>', 'phone number', '')
  .option('--locale <locale>', 'zh-CN | en-US', 'zh-CN')
  .option('--department <id...>', 'limit the user to these department ids', (v: string, prev: string[] = []) => {
    if (!/^[0-9a-f-]{36}$/.test(v)) throw new InvalidArgumentError('expected a department uuid');
    return [...prev, v];
  })
  .action((opts) => run(async () => {
    const { department, ...rest } = opts;
    return (await import('./admin-commands.js')).runUserAdd({ ...rest, departmentIds: department ?? [] });
  }));

await program.parseAsync(process.argv);
