import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Feed } from '../domain/types.ts';
import { loadFeedList } from '../feeds/feed-list.ts';

/**
 * Reads the feed list the stack keeps in S3 (the same text or JSON format as
 * --feeds). The parser reads files, so the object passes through /tmp.
 */
export async function readFeedListObject(s3: S3Client, bucket: string, key: string): Promise<Feed[]> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  const file = join(tmpdir(), `feed-list-${process.pid}-${key.replace(/[^\w.-]/g, '_')}`);
  await writeFile(file, await out.Body.transformToString('utf8'));
  return loadFeedList(file);
}
