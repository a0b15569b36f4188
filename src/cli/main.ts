import { Command, InvalidArgumentError, Option } from 'commander';
import { DataDirInUseError } from '../db/lock';
import { DEMO, DEMO_LOGINS, seedDemo } from '../demo/demo.seed';
import { ROLES, type Role } from '../modules/access/roles';
import { runImportCommand } from '../modules/people/import/import.cli';
import { AppError } from '../server/errors';
import { renderMessage } from '../server/messages';
import { listen, openPlatform } from '../server/start';

const program = new Command('tanzim').description('Tanzim: the territorial organization of a federated membership organization on the official map of Morocco.');

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number 0–65535');
  return n;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

program
  .command('serve')
  .description('Run the platform (PGlite in --data-dir unless DATABASE_URL is set)')
  .option('--port <n>', 'port to listen on', port)
  .option('--host <host>', 'address to listen on')
  .option('--data-dir <dir>', 'data directory of the embedded database')
  .action(async (opts: { port?: number; host?: string; dataDir?: string }) => {
    const platform = await openPlatform({ dataDir: opts.dataDir });
    const { url } = await listen(platform, { ...opts, logger: true });
    console.log(`Tanzim is running at ${url} (database: ${platform.database.engine})`);
    const token = await platform.services.access.issueSetupToken();
    if (token) console.log(`No administrator yet. Create the first one (this link works once): ${url}/setup?token=${token}`);
  });

program
  .command('demo')
  .description('Run the platform on a data directory loaded with the demo scenario (Sefrou province, May 2020)')
  .option('--port <n>', 'port to listen on', port)
  .option('--host <host>', 'address to listen on')
  .option('--data-dir <dir>', 'data directory of the embedded database', './.tanzim/demo')
  .action(async (opts: { port?: number; host?: string; dataDir: string }) => {
    const platform = await openPlatform({ dataDir: opts.dataDir });
    const isEmpty = await platform.services.access.isSetupNeeded();
    if (isEmpty) {
      console.log('Loading the demo scenario…');
      await seedDemo(platform.services);
    }
    const { url } = await listen(platform, { ...opts, logger: false });
    console.log(`\nTanzim demo is running at ${url} (database: ${platform.database.engine}${isEmpty ? ', demo data loaded' : ', existing data kept'})`);
    console.log(`\nDemo sign-ins (password for all: ${DEMO.password}):`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.email.padEnd(28)} ${l.role.padEnd(8)} ${l.label}`);
    console.log(`\nSefrou coverage: ${url}/coverage/${DEMO.codes.province}`);
  });

const user = program.command('user').description('Manage users (works while no server holds the data directory)');
user
  .command('add')
  .description('Add a user; the password is read from standard input')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .addOption(new Option('--role <role>').choices(ROLES).makeOptionMandatory())
  .option('--scope <code>', 'territory code the role applies to (MA, region, province or commune)')
  .option('--password-stdin', 'read the password from standard input')
  .option('--data-dir <dir>', 'data directory of the embedded database')
  .action(async (opts: { email: string; name: string; role: Role; scope?: string; passwordStdin?: boolean; dataDir?: string }) => {
    if (!opts.passwordStdin) throw new CliError('Pass --password-stdin and write the password on standard input.');
    const password = await readStdin();
    if (password.length < 10) throw new CliError('The password must have at least 10 characters.');
    const platform = await openPlatform({ dataDir: opts.dataDir });
    try {
      if (opts.scope) platform.services.territories.require(opts.scope);
      const created = await platform.services.access.createUser(
        { userId: null, ip: null },
        { email: opts.email.trim().toLowerCase(), name: opts.name, password, role: opts.role, scopeCode: opts.scope ?? 'MA' },
      );
      console.log(`User ${created.email} added with role ${created.role}${created.scopeCode ? ` on ${created.scopeCode}` : ''}.`);
    } finally {
      await platform.database.close();
    }
  });

user
  .command('grant')
  .description('Give an existing user a role on a territory (from today, or --from DATE, until --until DATE)')
  .requiredOption('--email <email>')
  .addOption(new Option('--role <role>').choices(ROLES).makeOptionMandatory())
  .requiredOption('--scope <code>', 'territory code the role applies to (MA, region, province or commune)')
  .option('--from <date>', 'first day of the grant (YYYY-MM-DD)')
  .option('--until <date>', 'last day of the grant (YYYY-MM-DD)')
  .option('--data-dir <dir>', 'data directory of the embedded database')
  .action(async (opts: { email: string; role: Role; scope: string; from?: string; until?: string; dataDir?: string }) => {
    for (const d of [opts.from, opts.until]) if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new CliError(`${d} is not a date (YYYY-MM-DD).`);
    const platform = await openPlatform({ dataDir: opts.dataDir });
    try {
      platform.services.territories.require(opts.scope);
      const granted = await platform.services.access.grant(
        { userId: null, ip: null },
        { email: opts.email.trim().toLowerCase(), role: opts.role, scopeCode: opts.scope, startsOn: opts.from, endsOn: opts.until ?? null },
      );
      console.log(`Granted ${granted.role} on ${granted.scopeCode} from ${granted.startsOn}${granted.endsOn ? ` until ${granted.endsOn}` : ''}.`);
    } finally {
      await platform.database.close();
    }
  });

const importCommand = program.command('import').description('Import data from files (works while no server holds the data directory, or with DATABASE_URL)');
importCommand
  .command('people')
  .description('Import people from a CSV or XLSX file: columns mapped from the headers (or a saved mapping), every line checked, duplicates reported')
  .argument('[file]', 'the .csv or .xlsx file')
  .option('--mapping <name>', 'a saved column mapping')
  .addOption(new Option('--mode <mode>', 'all: nothing written if a line is invalid; valid: the valid lines').choices(['all', 'valid']).default('valid'))
  .option('--dry-run', 'check every line and report, without writing')
  .addOption(new Option('--duplicates <decision>', 'what to do with lines that look like a person already there').choices(['skip', 'import']).default('skip'))
  .option('--rejects <file>', 'where to write the rejected lines with their reasons (default FILE.rejects.csv)')
  .addOption(new Option('--lang <lang>', 'language of the reasons').choices(['ar', 'fr', 'en']).default('en'))
  .option('--resume', 'finish the imports a stopped or killed process left unfinished')
  .option('--data-dir <dir>', 'data directory of the embedded database')
  .action(async (file: string | undefined, opts: { mapping?: string; mode: 'all' | 'valid'; dryRun?: boolean; duplicates: 'skip' | 'import'; rejects?: string; lang: 'ar' | 'fr' | 'en'; resume?: boolean; dataDir?: string }) => {
    if (!file && !opts.resume) throw new CliError('Name the file to import, or pass --resume.');
    const platform = await openPlatform({ dataDir: opts.dataDir });
    try {
      process.exitCode = await runImportCommand(platform.database, platform.services.territories, {
        file,
        mapping: opts.mapping,
        mode: opts.mode,
        isDryRun: opts.dryRun === true,
        isResume: opts.resume === true,
        duplicates: opts.duplicates,
        rejects: opts.rejects,
        lang: opts.lang,
      });
    } finally {
      await platform.database.close();
    }
  });

class CliError extends Error {}

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof DataDirInUseError || err instanceof CliError) console.error(`tanzim: ${err.message}`);
  else if (err instanceof AppError) console.error(`tanzim: ${renderMessage(err.code, 'en', err.params)}`);
  else console.error('tanzim:', err instanceof Error ? err.message : err);
  process.exit(1);
});
