import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { lazy } from '../../shared/lambda/lazy.ts';
import { observed } from '../../shared/lambda/observability.ts';
import { storeFromEnv } from '../../shared/lambda/pipeline-deps.ts';
import { reportResponse } from '../../shared/lambda/report-response.ts';

const store = lazy(() => storeFromEnv());

/** Renders the report from the table on each request to the function URL. */
export const handler = observed((event: LambdaFunctionURLEvent) => reportResponse(event, store()));
