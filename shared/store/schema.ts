// One table, keyed pk/sk, shared by the CDK stack and the local engine so both
// run the same store code. Item kinds:
//   SERIES#<key> / HEAD            the series' stored counts, latest, and undelivered alerts
//   SERIES#<key> / FIG#<id>        one stored figure
//   SERIES#<key> / ALERT#<id>      one delivered alert
//   FEED#<url>   / STATE           conditional-GET validators and health
//   ARTICLE#<url>/ STATE           whether an article was processed (expires by TTL)
export const TABLE_KEYS = { partition: 'pk', sort: 'sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';
export const DEFAULT_TABLE_NAME = 'news-figure-monitor';

export const createTableInput = (tableName: string) => ({
  TableName: tableName,
  AttributeDefinitions: [
    { AttributeName: TABLE_KEYS.partition, AttributeType: 'S' as const },
    { AttributeName: TABLE_KEYS.sort, AttributeType: 'S' as const },
  ],
  KeySchema: [
    { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' as const },
    { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' as const },
  ],
  BillingMode: 'PAY_PER_REQUEST' as const,
});
