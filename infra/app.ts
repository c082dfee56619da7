import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadFeedList } from '../shared/feeds/feed-list.ts';
import { readContext } from './context.ts';
import { MonitorStack } from './monitor-stack.ts';

const app = new App();
const settings = readContext((key) => app.node.tryGetContext(key));
// A malformed list fails the deploy here rather than the first scheduled poll.
const feeds = await loadFeedList(settings.feedsFile);
if (feeds.length === 0) throw new Error(`${settings.feedsFile}: no feeds`);

new MonitorStack(app, app.node.tryGetContext('stackName') ?? 'NewsFigureMonitor', {
  description: `News figure monitor: ${feeds.length} feeds polled every ${settings.pollRateMinutes} minutes`,
  settings,
});
// Synthesis fails on any unacknowledged AwsSolutions finding (see infra/nag-acknowledgements.ts).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
