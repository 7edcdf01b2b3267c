import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../core/shell/remote/endpoint-url.js';

describe('the --endpoint of ecs-lab run', () => {
  it('takes an http or https address, with a port or a path', () => {
    expect(parseEndpoint('http://127.0.0.1:4566')).toBe('http://127.0.0.1:4566');
    expect(parseEndpoint('http://localhost:4566/')).toBe('http://localhost:4566');
    expect(parseEndpoint('https://ecs.us-east-1.amazonaws.com')).toBe('https://ecs.us-east-1.amazonaws.com');
  });

  it.each(['127.0.0.1:4566', 'localhost', 'ftp://127.0.0.1:4566', 'http://127.0.0.1:4566/?region=eu-west-1', 'http://127.0.0.1:4566/#top', 'http://me:secret@127.0.0.1:4566', ''])(
    'refuses %j, saying what an endpoint looks like',
    (value) => {
      expect(() => parseEndpoint(value)).toThrow(`${JSON.stringify(value)} is not an endpoint URL: give http(s)://host[:port], e.g. http://127.0.0.1:4566.`);
    },
  );
});
