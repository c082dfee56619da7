import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Feed } from '../domain/types.ts';
import { parseFeedList } from '../feeds/feed-list.ts';

/** Reads the feed list the stack keeps in S3 (the same text or JSON format as --feeds). */
export async function readFeedListObject(s3: S3Client, bucket: string, key: string): Promise<Feed[]> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return parseFeedList(await out.Body.transformToString('utf8'), `s3://${bucket}/${key}`);
}
