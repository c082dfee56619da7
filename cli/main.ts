import { Command, Option } from 'commander';
import { bodyCommand } from './commands/body.ts';
import { demoCommand } from './commands/demo.ts';
import { extractCommand } from './commands/extract.ts';
import { feedsCommand, figuresCommand, seriesCommand } from './commands/listings.ts';
import { reportCommand } from './commands/report.ts';
import { replayCommand } from './commands/replay.ts';
import { runCommand } from './commands/run.ts';

const program = new Command()
  .name('monitor')
  .description('Watches news feeds for people-count figures on mobilization and border crossings.')
  .showHelpAfterError();

const dataOption = () => new Option('--data <dir>', 'folder of the embedded store and the alert outbox').default('.monitor-data');
const endpointOption = () =>
  new Option('--endpoint <url>', 'a DynamoDB endpoint instead of the embedded store (DynamoDB Local, AWS)').env('MONITOR_DYNAMODB_ENDPOINT');
const formatOption = () => new Option('--format <format>', 'table, csv or jsonl').default('table');

program
  .command('extract')
  .description('print the figures of each article (file or URL) as JSON lines')
  .argument('<inputs...>', 'article files (.html, .txt) or URLs')
  .action(async (inputs: string[]) => {
    process.exitCode = await extractCommand(inputs);
  });

program
  .command('body')
  .description('print the body and metadata of each page as JSON lines')
  .argument('<inputs...>', 'page files or URLs')
  .action(async (inputs: string[]) => {
    process.exitCode = await bodyCommand(inputs);
  });

program
  .command('run')
  .description('poll feeds, read new articles, store figures and deliver alerts')
  .option('--feeds <file-or-url>', 'a feed URL, a text file of URLs, or a JSON list [{"url","name"}]')
  .option('--once', 'poll once and exit (the default)')
  .option('--every <duration>', 'poll again after this long, e.g. 5m, until interrupted')
  .option('--replay <dir>', 'answer every URL from DIR/manifest.json instead of the network')
  .option('--allow-loopback', 'allow fetching from 127.0.0.0/8 and ::1 (tests, local servers)')
  .option('--concurrency <n>', 'parallel fetches', '8')
  .option('--quiet', 'no progress lines')
  .addOption(dataOption())
  .addOption(endpointOption())
  .action(async (opts) => {
    process.exitCode = await runCommand(opts);
  });

program
  .command('replay')
  .description('run a timeline (tick-01, tick-02, ...) against one store and compare with its expected alerts')
  .argument('<timeline-dir>', 'a folder of tick-NN snapshots with expected-alerts.jsonl')
  .option('--json', 'one JSON line per fired alert')
  .addOption(dataOption())
  .addOption(endpointOption())
  .action(async (dir: string, opts) => {
    process.exitCode = await replayCommand(dir, opts);
  });

program
  .command('series')
  .description('list every series with its latest and previous count')
  .addOption(formatOption())
  .addOption(dataOption())
  .addOption(endpointOption())
  .action(async (opts) => {
    process.exitCode = await seriesCommand(opts);
  });

program
  .command('figures')
  .description('list stored figures')
  .option('--metric <metric>', 'border_crossing or mobilization')
  .option('--place <country>', 'origin, destination or country')
  .option('--since <date>', 'published on or after this date')
  .addOption(formatOption())
  .addOption(dataOption())
  .addOption(endpointOption())
  .action(async (opts) => {
    process.exitCode = await figuresCommand(opts);
  });

program
  .command('feeds')
  .description("list each feed's health: last success, last error, failures in a row")
  .addOption(formatOption())
  .addOption(dataOption())
  .addOption(endpointOption())
  .action(async (opts) => {
    process.exitCode = await feedsCommand(opts);
  });

program
  .command('report')
  .description('write one self-contained HTML page: series charts, conflicts, all figures, feed health')
  .option('--out <file>', 'where to write the page', 'report.html')
  .addOption(dataOption())
  .addOption(endpointOption())
  .action(async (opts) => {
    process.exitCode = await reportCommand(opts);
  });

program
  .command('demo')
  .description('run the pipeline offline over the sample feeds, served from a local HTTP server')
  .option('--data <dir>', 'store folder (default: a fresh temporary folder)')
  .action(async (opts) => {
    process.exitCode = await demoCommand(opts);
  });

try {
  await program.parseAsync();
} catch (err) {
  process.stderr.write(`monitor: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
