import { DefaultStackSynthesizer, Validations, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { MonitorFunction } from './constructs/monitor-function.ts';

// Every cdk-nag AwsSolutions finding this stack accepts, on the narrowest construct
// that carries it, each with the reason. Anything else fails synthesis.

/** Acknowledges a rule, or only the named findings of a granular rule (IAM5 reports one per wildcard). */
function ack(scope: IConstruct, rule: string, reason: string, findings?: string[]): void {
  const ids = findings ? findings.map((f) => `${rule}[${f}]`) : [rule];
  for (const id of ids) Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
}

const BASIC_EXECUTION = ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'];

const arnOf = (stack: Stack, resource: IConstruct) => `<${stack.getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;

/** Constructs CDK adds at the stack root for us (singleton handlers, scheduler roles), found by id prefix. */
const rootChildren = (stack: Stack, prefix: string) => stack.node.children.filter((c) => c.node.id.startsWith(prefix));

/** `scheduled`: the functions an EventBridge Scheduler schedule invokes. */
export function acknowledgeNagFindings(stack: Stack, scheduled: IConstruct[]): void {
  for (const fn of stack.node.findAll().filter((c): c is MonitorFunction => c instanceof MonitorFunction)) {
    ack(fn, 'L1', 'Node.js 22 is the runtime the project targets and tests against; moving to a newer runtime is a deliberate upgrade, not a drive-by.');
    ack(fn, 'IAM4', 'AWSLambdaBasicExecutionRole only allows writing this function\'s own CloudWatch logs, the minimum a Lambda function needs.', BASIC_EXECUTION);
  }
  for (const bucket of stack.node.findAll().filter((c): c is Bucket => c instanceof Bucket)) {
    ack(bucket, 'S1', 'The bucket holds one public list of feed URLs, versioned; who changed it is in CloudTrail. Access logs would add a second bucket to record reads by one function.');
  }
  const feedBuckets = stack.node.findAll().filter((c): c is Bucket => c instanceof Bucket);
  const assets = `Resource::arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-<AWS::Region>/*`;
  for (const handler of rootChildren(stack, 'Custom::CDKBucketDeployment')) {
    ack(handler, 'L1', 'The BucketDeployment handler and its runtime are provided and maintained by aws-cdk-lib.');
    ack(handler, 'IAM4', 'The BucketDeployment handler only writes its own CloudWatch logs with this managed policy.', BASIC_EXECUTION);
    ack(handler, 'IAM5', 'aws-cdk-lib grants the BucketDeployment handler read on the CDK asset bucket and write on the feed list bucket only; the wildcards are object keys and the action families S3 needs for a copy.', [
      ...['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*', 'Abort*'].map((a) => `Action::s3:${a}`),
      assets,
      ...feedBuckets.map((b) => `Resource::${arnOf(stack, b)}/*`),
    ]);
  }
  for (const role of rootChildren(stack, 'SchedulerRoleForTarget')) {
    ack(role, 'IAM5', 'The scheduler role may invoke only the schedule-feeds function; the :* suffix covers its versions and aliases (aws-scheduler-targets default).',
      scheduled.map((fn) => `Resource::${arnOf(stack, fn)}:*`));
  }
}
