// The queue's Redis URL, apart from redis.ts (which loads ioredis) so the
// command definitions can name the default in `kg enqueue --help` without it.
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6390';

export function redisUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.REDIS_URL || DEFAULT_REDIS_URL;
}
