import { Alias } from 'aws-cdk-lib/aws-kms';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface AlertingProps {
  /** Analysts who get every alert, unless a filter narrows what they get. */
  emails?: string[];
  /** Per email, an SNS filter policy over the alert's message attributes, e.g. {"destination": ["Finland"]}. */
  filters?: Record<string, Record<string, unknown[]>>;
}

/** The alert topic analysts subscribe to by email; process-article publishes to it. */
export class Alerting extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlertingProps = {}) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'News figure alerts',
      enforceSSL: true,
      // The AWS managed key: encrypted at rest with nothing to manage; only Lambda publishes here.
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    for (const email of props.emails ?? []) {
      const policy = props.filters?.[email];
      this.topic.addSubscription(
        new EmailSubscription(email, {
          filterPolicy: policy ? Object.fromEntries(Object.entries(policy).map(([attr, values]) => [attr, new SubscriptionFilter(values)])) : undefined,
        }),
      );
    }
  }
}
