import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FunctionUrlAuthType, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ENV } from '../../shared/lambda/env.ts';
import { MonitorFunction } from './monitor-function.ts';

export interface ReportProps {
  table: ITable;
  logRetentionDays?: number;
}

/** The report page, rendered from the table on each request to an IAM-authenticated function URL. */
export class Report extends Construct {
  readonly function: MonitorFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: ReportProps) {
    super(scope, id);
    this.function = new MonitorFunction(this, 'Function', {
      name: 'report',
      description: 'Renders the figure report from the table',
      memorySize: 1024,
      timeout: Duration.seconds(30),
      logRetentionDays: props.logRetentionDays,
      environment: { [ENV.tableName]: props.table.tableName },
    });
    props.table.grantReadData(this.function);
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.AWS_IAM });
  }
}
