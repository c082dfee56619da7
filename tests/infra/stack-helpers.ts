import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { readContext } from '../../infra/context.ts';
import { MonitorStack } from '../../infra/monitor-stack.ts';

/**
 * Builds the stack from `-c`-style context. Bundling is real unless `bundle` is false,
 * which uses CDK's own switch (the `aws:cdk:bundling-stacks` context) to skip esbuild.
 */
export function buildStack(context: Record<string, unknown> = {}, bundle = true): { app: App; stack: MonitorStack; template: Template } {
  // Asset metadata (as the CLI records it) lets tests find each function's bundle.
  const app = new App({ context: { 'aws:cdk:enable-asset-metadata': true, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) } });
  const stack = new MonitorStack(app, 'TestMonitor', { settings: readContext((key) => context[key]) });
  return { app, stack, template: Template.fromStack(stack) };
}

export const logicalId = (element: { node: { defaultChild?: unknown } }) => Stack.of(element as never).getLogicalId(element.node.defaultChild as CfnElement);

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every IAM statement of the policies attached to a function's execution role. */
export function roleStatements(template: Template, fn: IFunction): Statement[] {
  const roleId = logicalId(fn.role as never);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statements: Statement[]) => new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

/** The statements that name a resource (by its logical id anywhere in Resource). */
export const statementsOn = (statements: Statement[], resourceLogicalId: string) => statements.filter((s) => JSON.stringify(s.Resource).includes(resourceLogicalId));
