import { Duration } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../shared/lambda/metric-names.ts';
import { ALIASES, EXTERNAL_MODULES, handlerEntry, MAIN_FIELDS, NODE_TARGET, REPO_ROOT, REQUIRE_BANNER, type FunctionName } from '../bundle-options.ts';
import { resolve } from 'node:path';

export interface MonitorFunctionProps {
  /** functions/<name>/handler.ts is the entry point. */
  name: FunctionName;
  description: string;
  memorySize?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  logRetentionDays?: number;
}

/**
 * A handler of this repo as a Node.js 22 arm64 function: an ESM bundle built by the
 * local esbuild (no Docker), minified with source maps, JSON logs kept for a set time.
 */
export class MonitorFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: MonitorFunctionProps) {
    const retention = props.logRetentionDays ?? 30;
    if (!Object.values(RetentionDays).includes(retention)) throw new Error(`log retention of ${retention} days is not one CloudWatch offers`);
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: retention as RetentionDays });
    super(scope, id, {
      entry: handlerEntry(props.name),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(60),
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: NODE_TARGET,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        mainFields: MAIN_FIELDS,
        banner: REQUIRE_BANNER,
        externalModules: EXTERNAL_MODULES,
        esbuildArgs: Object.fromEntries(Object.entries(ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
      },
    });
  }
}
