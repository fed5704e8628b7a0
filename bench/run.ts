// npm run bench [-- --quick] : the benchmark of issue #6. See the README, section Benchmark.
import { startMailbox } from '@pm/kernel/testing';
import { judge } from './lib/bars.ts';
import { runEmbedded } from './lib/embedded-run.ts';
import { parseOptions } from './lib/options.ts';
import { runOnPostgres } from './lib/postgres-run.ts';
import {
  barsText,
  liveText,
  machineText,
  memoryText,
  recordResults,
  sectionText,
  seedText,
} from './lib/report.ts';

const startedAt = Date.now();
/** Progress on stderr, with seconds since the start, so slow phases show; the report goes to stdout. */
const progress: string[] = [];
const log = (line: string) => {
  const stamped = `[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${line}`;
  progress.push(stamped);
  console.error(stamped);
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  const runId = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const mailbox = await startMailbox();
  try {
    const postgres = await runOnPostgres(options, mailbox, runId, log);
    const embedded = await runEmbedded(options, mailbox, runId, log);
    const bars = judge(postgres);
    const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
    const text = [
      `## ${new Date().toISOString()} — ${options.quick ? 'quick (not judged)' : 'full'} run, ${minutes} min`,
      '',
      `Machine: ${machineText(postgres.postgresServer)}`,
      `Command: \`npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}\``,
      '',
      seedText(
        postgres.seed,
        options.postgres.largeTasks +
          options.postgres.mediumTasks +
          options.postgres.smallTasks * (options.postgres.projects - 2),
      ),
      '',
      sectionText(postgres.section),
      '',
      liveText(postgres.live),
      '',
      memoryText(postgres.memory),
      '',
      sectionText(embedded),
      '',
      `### Bars${options.quick ? ' (quick run: not judged)' : ''}`,
      '',
      barsText(bars),
      '',
      'Phases (seconds since the start):',
      '',
      '```',
      ...progress,
      '```',
    ].join('\n');
    console.log(text);
    if (options.record) {
      recordResults(text);
    }
  } finally {
    await mailbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
